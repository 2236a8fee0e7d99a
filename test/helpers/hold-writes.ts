import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';

/**
 * Makes a race certain instead of likely: every transaction sent through `db` waits until
 * `count` of them are waiting, then all go to DynamoDB Local together. So each racer has done
 * its reads before any of them writes. Returns the undo.
 */
export function holdTransactionsUntil(db: Db, count: number): () => void {
  const send = db.ddb.send.bind(db.ddb);
  const waiting: Array<() => void> = [];
  db.ddb.send = (async (command: unknown, ...rest: unknown[]) => {
    if (command instanceof TransactWriteCommand) {
      await new Promise<void>((release) => {
        waiting.push(release);
        if (waiting.length >= count) waiting.splice(0).forEach((go) => go());
      });
    }
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof db.ddb.send;
  return () => {
    db.ddb.send = send;
  };
}
