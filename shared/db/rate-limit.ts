import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, epochSeconds } from '#shared/db/db.ts';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit in a fixed window with an atomic ADD, so concurrent requests are all counted.
 * The counter item expires with its window.
 */
export async function hitRateLimit(db: Db, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitResult> {
  const nowSeconds = epochSeconds(now);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const windowEnd = windowStart + rule.windowSeconds;
  const out = await db.ddb.send(
    new UpdateCommand({
      TableName: db.table,
      Key: { pk: `RATE#${rule.name}#${subject}`, sk: `WINDOW#${windowStart}` },
      UpdateExpression: 'ADD hits :one SET expiresAt = :end, #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':end': windowEnd, ':type': 'RateLimit' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const hits = Number(out.Attributes?.hits ?? 1);
  return { allowed: hits <= rule.limit, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}
