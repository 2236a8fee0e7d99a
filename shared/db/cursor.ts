import { keys } from '#shared/db/table-schema.ts';
import { AppError } from '#shared/errors.ts';

type Key = Record<string, unknown>;

const sameKeys = (given: string[], wanted: string[]) => given.length === wanted.length && wanted.every((k) => given.includes(k));

/** An opaque paging cursor: DynamoDB's LastEvaluatedKey, base64url-encoded. */
export const encodeCursor = (key: Key | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);

/**
 * Decodes a cursor and checks that it belongs to the partition being read and has exactly the
 * key DynamoDB gives for the index (the table's keys and the index's), so a crafted cursor can
 * neither break the query (a 500) nor start it inside someone else's partition.
 */
export function decodeCursor(cursor: string | undefined, expected: { index: { pk: string; sk: string }; value: string }): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' && key !== null && !Array.isArray(key) &&
    Object.values(key).every((v) => typeof v === 'string' && v.length <= 1024) &&
    sameKeys(Object.keys(key), [keys.pk, keys.sk, expected.index.pk, expected.index.sk]) &&
    (key as Key)[expected.index.pk] === expected.value;
  if (!valid) throw new AppError('bad_request', 'The cursor is not valid for this list. Start again from the first page.');
  return key as Key;
}

export type Page<T> = { items: T[]; nextCursor: string | undefined };
