import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, isConditionFailure } from '#shared/db/db.ts';
import { countsInit } from '#shared/db/shop-order-counts.ts';

export type Shop = {
  shopId: string;
  slug: string;
  name: string;
  timeZone: string;
  /** Starts every order reference of the shop, e.g. `WW` in `WW-7K2Q`. */
  referencePrefix: string;
  createdAt: string;
  /** Free revision rounds a new order includes (default 2), and what a customer past them reads. */
  revisionAllowance?: number | undefined;
  revisionMessage?: string | undefined;
  /** Bumped by each settings save: two sellers editing settings at once cannot overwrite each other. */
  settingsVersion?: number | undefined;
};

const shopKey = (shopId: string) => ({ pk: `SHOP#${shopId}`, sk: 'SHOP' });
/** Slugs are unique: a separate item claims each one. */
const slugKey = (slug: string) => ({ pk: `SLUG#${slug}`, sk: 'SLUG' });

/** The writes that create a shop, for one transaction: the shop, the claim on its address (the second), its order counts. */
export function shopCreation(table: string, shop: Shop) {
  return [
    { Put: { TableName: table, Item: { ...shopKey(shop.shopId), type: 'Shop', ...shop }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table, Item: { ...slugKey(shop.slug), type: 'ShopSlug', shopId: shop.shopId }, ConditionExpression: 'attribute_not_exists(pk)' } },
    countsInit(table, shop.shopId),
  ];
}

export async function createShop(db: Db, shop: Shop): Promise<void> {
  await db.ddb.send(new TransactWriteCommand({ TransactItems: shopCreation(db.table, shop) }));
}

export async function getShop(db: Db, shopId: string): Promise<Shop | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: shopKey(shopId) }));
  return out.Item ? toShop(out.Item) : undefined;
}

export async function getShopIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: slugKey(slug) }));
  return out.Item ? String(out.Item.shopId) : undefined;
}

export function toShop(item: Record<string, unknown>): Shop {
  return {
    shopId: String(item.shopId),
    slug: String(item.slug),
    name: String(item.name),
    timeZone: String(item.timeZone),
    referencePrefix: String(item.referencePrefix ?? 'AT'),
    createdAt: String(item.createdAt),
    revisionAllowance: item.revisionAllowance === undefined ? undefined : Number(item.revisionAllowance),
    revisionMessage: item.revisionMessage === undefined ? undefined : String(item.revisionMessage),
    settingsVersion: item.settingsVersion === undefined ? undefined : Number(item.settingsVersion),
  };
}

/**
 * Saves the settings (the revision terms, and the name when given) against the settings version
 * the seller saw; `stale` wrote nothing.
 */
export async function saveShopSettings(
  db: Db,
  shopId: string,
  settings: { name?: string | undefined; revisionAllowance: number; revisionMessage?: string | undefined },
  expectedVersion: number,
): Promise<'saved' | 'stale'> {
  try {
    await db.ddb.send(
      new UpdateCommand({
        TableName: db.table,
        Key: shopKey(shopId),
        UpdateExpression: `SET revisionAllowance = :allowance, settingsVersion = :next${settings.name ? ', #name = :name' : ''}${settings.revisionMessage ? ', revisionMessage = :message' : ' REMOVE revisionMessage'}`,
        // A shop never saved yet is at version 1.
        ConditionExpression: `attribute_exists(pk) AND (settingsVersion = :expected${expectedVersion === 1 ? ' OR attribute_not_exists(settingsVersion)' : ''})`,
        ...(settings.name ? { ExpressionAttributeNames: { '#name': 'name' } } : {}),
        ExpressionAttributeValues: {
          ':allowance': settings.revisionAllowance,
          ':next': expectedVersion + 1,
          ':expected': expectedVersion,
          ...(settings.name ? { ':name': settings.name } : {}),
          ...(settings.revisionMessage ? { ':message': settings.revisionMessage } : {}),
        },
      }),
    );
    return 'saved';
  } catch (error) {
    if (isConditionFailure(error)) return 'stale';
    throw error;
  }
}
