import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The table handle every entity module takes: the document client and the table's name. */
export type Db = { ddb: DynamoDBDocumentClient; table: string };

/** True when a write lost its condition (a stale version, a used token, a taken key). */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
}

/** Unix seconds, the unit DynamoDB's TTL reads. */
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
