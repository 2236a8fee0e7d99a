import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import type { OrderCounts } from '#shared/db/shop-order-counts.ts';
import { toShop, type Shop } from '#shared/db/shop.ts';
import { transactWrite } from '#shared/db/transact.ts';
import type { IntakeField } from '#shared/schemas/intake-form.ts';

/** A shop's intake form as it stands now (its head); every saved version is also kept as a snapshot. */
export type StoredIntakeForm = {
  formId: string;
  shopId: string;
  version: number;
  name: string;
  description: string | undefined;
  fields: IntakeField[];
  archived: boolean;
  updatedAt: string;
};

const headKey = (shopId: string, formId: string) => ({ pk: `SHOP#${shopId}`, sk: `FORM#${formId}` });
/** Snapshots live in a partition of their own, so reading a shop never drags its form history. */
const versionKey = (formId: string, version: number) => ({ pk: `FORM#${formId}`, sk: `V#${String(version).padStart(6, '0')}` });

function toForm(item: Record<string, unknown>): StoredIntakeForm {
  return {
    formId: String(item.formId),
    shopId: String(item.shopId),
    version: Number(item.version),
    name: String(item.name),
    description: item.description === undefined ? undefined : String(item.description),
    fields: item.fields as IntakeField[],
    archived: Boolean(item.archived),
    updatedAt: String(item.updatedAt),
  };
}

/**
 * Saves a new version of the form: the head moves only if it is still at `expectedVersion`
 * (0 for a new form), and the snapshot is written beside it in the same transaction. When
 * `makeDefault` is set the shop's default form moves to it in that transaction too.
 */
export async function saveIntakeFormVersion(db: Db, form: StoredIntakeForm, expectedVersion: number, makeDefault: boolean): Promise<'saved' | 'stale'> {
  const head = {
    Put: {
      TableName: db.table,
      Item: { ...headKey(form.shopId, form.formId), type: 'IntakeForm', ...form },
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#v = :expected', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
  const snapshot = { Put: { TableName: db.table, Item: { ...versionKey(form.formId, form.version), type: 'IntakeFormVersion', ...form }, ConditionExpression: 'attribute_not_exists(pk)' } };
  const setDefault = {
    Update: {
      TableName: db.table,
      Key: { pk: `SHOP#${form.shopId}`, sk: 'SHOP' },
      UpdateExpression: 'SET defaultFormId = :id',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':id': form.formId },
    },
  };
  const result = await transactWrite(db, [head, snapshot, ...(makeDefault ? [setDefault] : [])]);
  return result.ok ? 'saved' : 'stale';
}

export async function getIntakeFormVersion(db: Db, formId: string, version: number): Promise<StoredIntakeForm | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: versionKey(formId, version) }));
  return out.Item ? toForm(out.Item) : undefined;
}

export type ShopCollection = { shop: Shop & { defaultFormId: string | undefined }; forms: StoredIntakeForm[]; counts: OrderCounts };

/** The shop, its forms' heads and its order counts: one Query of the shop's partition. */
export async function getShopCollection(db: Db, shopId: string): Promise<ShopCollection | undefined> {
  const out = await db.ddb.send(new QueryCommand({ TableName: db.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `SHOP#${shopId}` } }));
  const items = out.Items ?? [];
  const shopItem = items.find((i) => i.sk === 'SHOP');
  if (!shopItem) return undefined;
  return {
    shop: { ...toShop(shopItem), defaultFormId: shopItem.defaultFormId === undefined ? undefined : String(shopItem.defaultFormId) },
    forms: items.filter((i) => String(i.sk).startsWith('FORM#')).map(toForm),
    counts: (items.find((i) => i.sk === 'ORDER_COUNTS')?.counts as OrderCounts | undefined) ?? {},
  };
}
