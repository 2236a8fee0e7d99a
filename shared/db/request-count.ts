import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the DynamoDB requests one HTTP request makes, so local mode can report them in
 * `Server-Timing` and tests can hold each screen to its budget (DESIGN §4).
 */
type Tally = { requests: number; ms: number };
const storage = new AsyncLocalStorage<Tally>();

export function withRequestCount<T>(fn: () => Promise<T>): { tally: Tally; result: Promise<T> } {
  const tally: Tally = { requests: 0, ms: 0 };
  return { tally, result: storage.run(tally, fn) };
}

export function countDynamoRequests(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const tally = storage.getStore();
      if (!tally) return next(args);
      tally.requests += 1;
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        tally.ms += performance.now() - started;
      }
    },
    { step: 'initialize', name: 'atelierRequestCount' },
  );
}
