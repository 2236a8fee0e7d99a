import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import { indexes } from '#shared/db/table-schema.ts';

export const orderStatuses = [
  'requested',
  'quoted',
  'in_design',
  'awaiting_approval',
  'approved',
  'in_production',
  'shipped',
  'completed',
  'cancelled',
  'on_hold',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** One custom piece (or set); its page is the item collection under `ORDER#<id>` (A2). */
export type Order = {
  orderId: string;
  shopId: string;
  /** The human reference, e.g. `WW-7K2Q`. */
  reference: string;
  title: string;
  status: OrderStatus;
  customer: { email: string; name: string };
  /** ISO date (YYYY-MM-DD) the piece must ship by, when known. */
  dueDate: string | undefined;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** Orders without a due date sort after every dated one. */
const dueSortKey = (order: Pick<Order, 'dueDate' | 'orderId'>) => `${order.dueDate ?? '9999-12-31'}#${order.orderId}`;

export function orderKeys(order: Order) {
  return {
    pk: `ORDER#${order.orderId}`,
    sk: 'ORDER',
    [indexes.gsi1.pk]: `SHOP#${order.shopId}#STATUS#${order.status}`,
    [indexes.gsi1.sk]: dueSortKey(order),
    [indexes.gsi2.pk]: `CUSTOMER#${order.customer.email}`,
    [indexes.gsi2.sk]: `${order.createdAt}#${order.orderId}`,
  };
}

export async function createOrder(db: Db, order: Order): Promise<void> {
  await db.ddb.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...orderKeys(order), type: 'Order', ...order },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** Whether any order stands under this email (A3, one item read). */
export async function customerHasOrders(db: Db, email: string): Promise<boolean> {
  const out = await db.ddb.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: indexes.gsi2.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': indexes.gsi2.pk },
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${email}` },
      Limit: 1,
      ProjectionExpression: 'pk',
    }),
  );
  return (out.Items?.length ?? 0) > 0;
}
