import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { createLocalApiDeps } from '#infra/local/local-api-deps.ts';
import type { ApiDeps } from '#functions/api/env.ts';
import { ensureTable } from '#infra/local/table.ts';
import { parseConfig, type Config } from '#shared/config.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';

export const testOrigin = 'http://localhost:3000';

export type TestContext = {
  config: Config;
  deps: ApiDeps;
  app: ReturnType<typeof createApp>;
  mailbox: DevMailbox;
  /** Points the clock used by every use case at `date`; undefined goes back to the real one. */
  setNow(date: Date | undefined): void;
  dispose(): Promise<void>;
};

export function testConfig(tableName: string, overrides: Record<string, string> = {}): Config {
  return parseConfig({
    ATELIER_MODE: 'local',
    TABLE_NAME: tableName,
    UPLOADS_BUCKET: inject('s3Bucket'),
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    S3_ENDPOINT: inject('s3Endpoint'),
    PUBLIC_URL: testOrigin,
    LOG_LEVEL: 'SILENT',
    ...overrides,
  });
}

/** A fresh table of its own on the shared DynamoDB Local, and the app wired to it. */
export async function createTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const tableName = `t-${randomUUID()}`;
  const config = testConfig(tableName, overrides);
  const raw = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
  let now: Date | undefined;
  const deps = createLocalApiDeps(config, { now: () => now ?? new Date() });
  const mailbox = deps.devMailbox;
  return {
    config,
    deps,
    app: createApp(deps),
    mailbox,
    setNow: (date) => (now = date),
    async dispose() {
      await raw.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      raw.destroy();
    },
  };
}
