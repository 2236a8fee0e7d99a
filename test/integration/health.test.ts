import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import { FileStore } from '#shared/aws/file-store.ts';
import { checkHealth } from '#shared/domain/health/check-health.ts';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { freePort } from '#infra/local/free-port.ts';
import { ensureTable } from '#infra/local/table.ts';
import { testConfig } from '#test/helpers/test-context.ts';

describe('GET /api/health', () => {
  it('is ok when DynamoDB and S3 answer, and 503 naming DynamoDB once it is stopped', async () => {
    // A DynamoDB Local of this test's own, so stopping it leaves the other test files alone.
    const dynamo = await startDynamoDbLocal();
    try {
      const config = testConfig('health', { DYNAMODB_ENDPOINT: dynamo.endpoint });
      const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
      await ensureTable(raw, 'health');
      raw.destroy();
      const app = createApp(createApiDeps(config));

      const healthy = await app.request('/api/health');
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ ok: true, checks: { dynamodb: 'ok', s3: 'ok' } });

      await dynamo.stop();
      const down = await app.request('/api/health');
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, checks: { dynamodb: 'unavailable', s3: 'ok' } });

      // Any route that needs the table answers 503 with the error shape, never a 500.
      const signIn = await app.request('/api/auth/magic-links', {
        method: 'POST',
        headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ana@demo.test' }),
      });
      expect(signIn.status).toBe(503);
      expect((await signIn.json()).error.code).toBe('service_unavailable');
    } finally {
      await dynamo.stop();
    }
  });

  it('gives the bucket its time to answer once the S3 client is loaded, however long a cold container takes to load it', async () => {
    const config = testConfig('any');
    const store = await FileStore.forConfig(config);
    // A cold container's first file operation loads the S3 client first: here, a slow 2.5 s.
    const slowToLoad = { probe: async (timeoutMs: number) => (await new Promise((resolve) => setTimeout(resolve, 2_500)), store.probe(timeoutMs)) };
    const report = await checkHealth({ db: createApiDeps(config).db, files: slowToLoad as unknown as FileStore });
    expect(report.checks.s3).toBe('ok');
  });

  it('is 503 naming S3 when the bucket cannot be reached', async () => {
    const config = testConfig('any', { S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
    const res = await createApp(createApiDeps(config)).request('/api/health');
    expect(res.status).toBe(503);
    expect((await res.json()).checks.s3).toBe('unavailable');
  });
});
