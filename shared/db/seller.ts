import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';

/** A person who signs in to a shop's portal, found by email at sign-in. */
export type Seller = { email: string; shopId: string; name: string; createdAt: string };

const key = (email: string) => ({ pk: `SELLER#${email}`, sk: 'SELLER' });

/** A new seller, as a write that fails when the email already signs in to a shop. */
export function sellerCreation(table: string, seller: Seller) {
  return { Put: { TableName: table, Item: { ...key(seller.email), type: 'Seller', ...seller }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export async function putSeller(db: Db, seller: Seller): Promise<void> {
  await db.ddb.send(new PutCommand(sellerCreation(db.table, seller).Put));
}

export async function getSeller(db: Db, email: string): Promise<Seller | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: key(email) }));
  const item = out.Item;
  if (!item) return undefined;
  return { email: String(item.email), shopId: String(item.shopId), name: String(item.name), createdAt: String(item.createdAt) };
}
