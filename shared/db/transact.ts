import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';

type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactResult = { ok: true } | { ok: false; failedConditions: number[] };

/**
 * Runs a transaction, retrying when it only collided with another transaction on a shared item
 * (such as a shop's counts). A failed condition is not retried: it is reported by item index,
 * so the caller can say which rule failed (a stale version, a taken reference).
 */
export async function transactWrite(db: Db, items: Items, attempts = 6): Promise<TransactResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      const reasons = (error as { name?: string; CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
      if ((error as Error).name !== 'TransactionCanceledException' || !reasons) throw error;
      const failedConditions = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failedConditions.length) return { ok: false, failedConditions };
      if (attempt >= attempts || !reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 25 * 2 ** attempt));
    }
  }
}
