import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, epochSeconds, isConditionFailure } from '#shared/db/db.ts';

/** A sign-in token, stored only as its SHA-256 (A6). */
export type MagicLink = { tokenHash: string; email: string; createdAt: string; expiresAt: number };

const key = (tokenHash: string) => ({ pk: `MAGIC#${tokenHash}`, sk: 'MAGIC' });

export async function putMagicLink(db: Db, link: MagicLink): Promise<void> {
  await db.ddb.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...key(link.tokenHash), type: 'MagicLink', email: link.email, createdAt: link.createdAt, expiresAt: link.expiresAt },
    }),
  );
}

/**
 * Deletes the token and returns what it held, in one conditional write, so two concurrent
 * exchanges of the same token can never both succeed. An expired token is consumed too.
 */
export async function consumeMagicLink(db: Db, tokenHash: string, now: Date): Promise<MagicLink | undefined> {
  try {
    const out = await db.ddb.send(
      new DeleteCommand({
        TableName: db.table,
        Key: key(tokenHash),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    const item = out.Attributes;
    if (!item || Number(item.expiresAt) <= epochSeconds(now)) return undefined;
    return { tokenHash, email: String(item.email), createdAt: String(item.createdAt), expiresAt: Number(item.expiresAt) };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
