import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { FileStore } from '#shared/aws/file-store.ts';
import type { Db } from '#shared/db/db.ts';

export type HealthReport = { ok: boolean; checks: { dynamodb: 'ok' | 'unavailable'; s3: 'ok' | 'unavailable' } };

const timeoutMs = 2_000;

/** Asks each dependency a cheap question, in parallel, each bounded by a short timeout. */
export async function checkHealth(deps: { db: Db; files: FileStore }): Promise<HealthReport> {
  const probe = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return 'ok' as const;
    } catch {
      return 'unavailable' as const;
    }
  };
  const [dynamodb, s3] = await Promise.all([
    probe(() => deps.db.ddb.send(new DescribeTableCommand({ TableName: deps.db.table }), { abortSignal: AbortSignal.timeout(timeoutMs) })),
    probe(() => deps.files.probe(timeoutMs)),
  ]);
  return { ok: dynamodb === 'ok' && s3 === 'ok', checks: { dynamodb, s3 } };
}
