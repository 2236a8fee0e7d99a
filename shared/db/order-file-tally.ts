import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import { fileSkPrefix } from '#shared/db/order-file.ts';
import { orderPk } from '#shared/db/order.ts';

/**
 * How many files an order keeps and how many bytes they take: one Query over the `FILE#` items
 * of its collection, returning only their sizes (a few hundred files at most, so one page).
 */
export function tallyOrderFiles(db: Db, orderId: string): Promise<Tally> {
  return tally(db, { prefix: fileSkPrefix, orderId, sizeAttribute: 'size' });
}

/**
 * The uploads of an order signed since `since` (ISO time) and not finalized yet, and the bytes
 * they were signed for: what may still arrive while their POST policies are valid.
 */
export function tallyPendingUploads(db: Db, orderId: string, since: string): Promise<Tally> {
  return tally(db, { prefix: 'UPLOAD#', orderId, sizeAttribute: 'maxBytes', since });
}

export type Tally = { count: number; bytes: number };

async function tally(db: Db, input: { prefix: string; orderId: string; sizeAttribute: string; since?: string }): Promise<Tally> {
  let count = 0;
  let bytes = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const out = await db.ddb.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(input.since ? { FilterExpression: 'createdAt > :since' } : {}),
        ExpressionAttributeValues: { ':pk': orderPk(input.orderId), ':prefix': input.prefix, ...(input.since ? { ':since': input.since } : {}) },
        ExpressionAttributeNames: { '#size': input.sizeAttribute },
        ProjectionExpression: '#size',
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of out.Items ?? []) {
      count += 1;
      bytes += Number(item[input.sizeAttribute] ?? 0);
    }
    cursor = out.LastEvaluatedKey;
  } while (cursor);
  return { count, bytes };
}
