import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import type { OrderStatus } from '#shared/db/order.ts';

/**
 * How many orders a shop has in each status, kept in one item that every status change
 * updates in the same transaction, so the dashboard's tab counts are one GetItem.
 */
export type OrderCounts = Partial<Record<OrderStatus, number>>;

const key = (shopId: string) => ({ pk: `SHOP#${shopId}`, sk: 'ORDER_COUNTS' });

/** A transaction item moving one order between two counts (or into one, when `from` is absent). */
export function countsUpdate(table: string, shopId: string, change: { from?: OrderStatus; to: OrderStatus }) {
  const names: Record<string, string> = { '#c': 'counts', '#to': change.to };
  const values: Record<string, number> = { ':plus': 1 };
  let expression = 'ADD #c.#to :plus';
  if (change.from) {
    names['#from'] = change.from;
    values[':minus'] = -1;
    expression += ', #c.#from :minus';
  }
  return { Update: { TableName: table, Key: key(shopId), UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
}

/** The counts item must exist with an empty map before `ADD counts.x` can work. */
export const countsInit = (table: string, shopId: string) => ({
  Put: { TableName: table, Item: { ...key(shopId), type: 'OrderCounts', counts: {} }, ConditionExpression: 'attribute_not_exists(pk)' },
});

export async function getOrderCounts(db: Db, shopId: string): Promise<OrderCounts> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: key(shopId) }));
  return (out.Item?.counts as OrderCounts | undefined) ?? {};
}
