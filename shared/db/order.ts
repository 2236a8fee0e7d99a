import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '#shared/db/cursor.ts';
import type { Db } from '#shared/db/db.ts';
import { activityPut, activitySkPrefix, toOrderEvent, type OrderEvent } from '#shared/db/order-activity.ts';
import { countsUpdate } from '#shared/db/shop-order-counts.ts';
import { indexes } from '#shared/db/table-schema.ts';
import { transactWrite } from '#shared/db/transact.ts';
import { foldForSearch, searchForms } from '#shared/text/search-text.ts';
import type { StoredAnswer } from '#shared/schemas/intake-form.ts';
import { orderStatuses, type OrderStatus } from '#shared/schemas/order-status.ts';

export { orderStatuses, type OrderStatus };
const closed: readonly OrderStatus[] = ['completed', 'cancelled'];

export type OrderSource = 'intake' | 'manual' | 'etsy';
export type PaymentState = 'not_linked' | 'unpaid' | 'paid' | 'refunded';

/** One custom piece (or set); its page is the item collection under `ORDER#<id>` (A2). */
export type Order = {
  orderId: string;
  shopId: string;
  /** The shop's name and slug when the order was made, so the order page needs no second read. */
  shop: { name: string; slug: string; revisionAllowance?: number | undefined; revisionMessage?: string | undefined };
  /** The human reference, e.g. `WW-7K2Q`, unique across Atelier. */
  reference: string;
  title: string;
  description: string | undefined;
  /** The text to put on the piece, as agreed. */
  personalization: string | undefined;
  status: OrderStatus;
  /** While `on_hold`: the status it left, the only one it may return to. */
  heldFrom: OrderStatus | undefined;
  customer: { email: string; name: string };
  /** ISO date (YYYY-MM-DD) the piece must ship by, when known. */
  dueDate: string | undefined;
  source: OrderSource;
  intake: { formId: string; formVersion: number; formName: string; answers: StoredAnswer[] } | undefined;
  payment: { state: PaymentState };
  /** Filled by the Etsy import. */
  etsy: { receiptId: string; url: string } | undefined;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  version: number;
};

/** Orders without a due date sort after every dated one. */
const dueKey = (o: Order) => `${o.dueDate ?? '9999-12-31'}#${o.orderId}`;
const activityKey = (o: Order) => `${o.lastActivityAt}#${o.orderId}`;
const scope = (o: Order) => (closed.includes(o.status) ? 'CLOSED' : 'OPEN');

export const orderPk = (orderId: string) => `ORDER#${orderId}`;
const referenceKey = (reference: string) => ({ pk: `REF#${reference.toUpperCase()}`, sk: 'REF' });

function toItem(order: Order) {
  return {
    pk: orderPk(order.orderId),
    sk: 'ORDER',
    type: 'Order',
    ...order,
    [indexes.gsi1.pk]: `SHOP#${order.shopId}#STATUS#${order.status}`,
    [indexes.gsi1.sk]: dueKey(order),
    [indexes.gsi2.pk]: `CUSTOMER#${order.customer.email}`,
    [indexes.gsi2.sk]: `${order.createdAt}#${order.orderId}`,
    [indexes.gsi3.pk]: `SHOP#${order.shopId}#${scope(order)}`,
    [indexes.gsi3.sk]: dueKey(order),
    [indexes.gsi4.pk]: `SHOP#${order.shopId}#STATUS#${order.status}`,
    [indexes.gsi4.sk]: activityKey(order),
    [indexes.gsi5.pk]: `SHOP#${order.shopId}#${scope(order)}`,
    [indexes.gsi5.sk]: activityKey(order),
    /** The text the dashboard search filters on, folded (see `searchForms` for orders stored before it was). */
    searchText: foldForSearch([order.reference, order.customer.name, order.customer.email, order.title, order.personalization ?? ''].join(' ')),
  };
}

function toOrder(item: Record<string, unknown>): Order {
  const i = item as unknown as Order;
  return {
    orderId: i.orderId,
    shopId: i.shopId,
    shop: i.shop ?? { name: '', slug: '' },
    reference: i.reference,
    title: i.title,
    description: i.description,
    personalization: i.personalization,
    status: i.status,
    heldFrom: i.heldFrom,
    customer: i.customer,
    dueDate: i.dueDate,
    source: i.source ?? 'manual',
    intake: i.intake,
    payment: i.payment ?? { state: 'not_linked' },
    etsy: i.etsy,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    lastActivityAt: i.lastActivityAt ?? i.updatedAt,
    version: Number(i.version),
  };
}

/**
 * Creates the order, claims its reference, logs its first event and counts it, all or nothing.
 * Answers `reference_taken` when another order holds the reference already.
 */
export async function insertOrder(db: Db, order: Order, event: OrderEvent): Promise<'created' | 'reference_taken'> {
  const result = await transactWrite(db, [
    { Put: { TableName: db.table, Item: toItem(order), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: db.table, Item: { ...referenceKey(order.reference), type: 'OrderReference', orderId: order.orderId }, ConditionExpression: 'attribute_not_exists(pk)' } },
    activityPut(db.table, event),
    countsUpdate(db.table, order.shopId, { to: order.status }),
  ]);
  if (result.ok) return 'created';
  if (result.failedConditions.includes(1)) return 'reference_taken';
  throw new Error(`Order ${order.orderId} could not be created: conditions ${result.failedConditions.join(',')} failed`);
}

/**
 * Replaces the order only if it is still at `expectedVersion` (optimistic locking), appending
 * the event and moving the shop's counts in the same transaction. `stale` means nothing was written.
 */
export async function replaceOrder(
  db: Db,
  next: Order,
  expectedVersion: number,
  event: OrderEvent,
  previousStatus: OrderStatus,
  /** Other writes of the same change (a proof version, a decision), all or nothing with it. */
  alongside: NonNullable<Parameters<typeof transactWrite>[1]> = [],
): Promise<'saved' | 'stale'> {
  const items = [
    {
      Put: {
        TableName: db.table,
        Item: toItem(next),
        ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    activityPut(db.table, event),
    ...(previousStatus !== next.status ? [countsUpdate(db.table, next.shopId, { from: previousStatus, to: next.status })] : []),
    ...alongside,
  ];
  const result = await transactWrite(db, items);
  return result.ok ? 'saved' : 'stale';
}

export async function getOrder(db: Db, orderId: string): Promise<Order | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: { pk: orderPk(orderId), sk: 'ORDER' } }));
  return out.Item ? toOrder(out.Item) : undefined;
}

export async function getOrderIdByReference(db: Db, reference: string): Promise<string | undefined> {
  const out = await db.ddb.send(new GetCommand({ TableName: db.table, Key: referenceKey(reference) }));
  return out.Item ? String(out.Item.orderId) : undefined;
}

export type OrderCollection = { order: Order; activity: OrderEvent[]; items: Record<string, unknown>[] };

/** The whole order page in one Query of the item collection (A2); newest activity first. */
export async function getOrderCollection(db: Db, orderId: string): Promise<OrderCollection | undefined> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.ddb.send(
      new QueryCommand({ TableName: db.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': orderPk(orderId) }, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  const root = items.find((i) => i.sk === 'ORDER');
  if (!root) return undefined;
  const activity = items
    .filter((i) => String(i.sk).startsWith(activitySkPrefix))
    .map(toOrderEvent)
    .reverse();
  return { order: toOrder(root), activity, items: items.filter((i) => i !== root && !String(i.sk).startsWith(activitySkPrefix)) };
}

export type ShopOrderQuery = {
  shopId: string;
  /** One status, or every open (or closed) order. */
  status?: OrderStatus | undefined;
  scope?: 'open' | 'closed' | undefined;
  sort: 'due' | 'activity';
  /** Only orders due strictly before this ISO date. */
  dueBefore?: string | undefined;
  /** Text, as typed, every result's reference, customer, title or personalisation must contain (forgiving of quotes and case). */
  search?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** A1 and A5: a shop's orders by status or scope, sorted by due date or activity, paged. */
export async function queryShopOrders(db: Db, q: ShopOrderQuery): Promise<Page<Order>> {
  const index = q.status ? (q.sort === 'due' ? indexes.gsi1 : indexes.gsi4) : q.sort === 'due' ? indexes.gsi3 : indexes.gsi5;
  const partition = q.status ? `SHOP#${q.shopId}#STATUS#${q.status}` : `SHOP#${q.shopId}#${q.scope === 'closed' ? 'CLOSED' : 'OPEN'}`;
  const names: Record<string, string> = { '#pk': index.pk };
  const values: Record<string, unknown> = { ':pk': partition };
  let keyCondition = '#pk = :pk';
  const filters: string[] = [];
  if (q.dueBefore && q.sort === 'due') {
    names['#sk'] = index.sk;
    values[':due'] = q.dueBefore;
    keyCondition += ' AND #sk < :due';
  } else if (q.dueBefore) {
    names['#dueDate'] = 'dueDate';
    values[':due'] = q.dueBefore;
    filters.push('#dueDate < :due');
  }
  if (q.search) {
    names['#search'] = 'searchText';
    const forms = searchForms(q.search).map((form, i) => {
      values[`:search${i}`] = form;
      return `contains(#search, :search${i})`;
    });
    filters.push(`(${forms.join(' OR ')})`);
  }
  const input: QueryCommandInput = {
    TableName: db.table,
    IndexName: index.name,
    KeyConditionExpression: keyCondition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: q.sort === 'due',
    Limit: q.limit,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
  };
  return pageThrough(db, input, q.limit, decodeCursor(q.cursor, { index, value: partition }), filters.length > 0);
}

/** A3: every order placed under an email, across shops, newest first. */
export async function queryCustomerOrders(db: Db, q: { email: string; limit: number; cursor?: string | undefined }): Promise<Page<Order>> {
  const partition = `CUSTOMER#${q.email}`;
  const input: QueryCommandInput = {
    TableName: db.table,
    IndexName: indexes.gsi2.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': indexes.gsi2.pk },
    ExpressionAttributeValues: { ':pk': partition },
    ScanIndexForward: false,
    Limit: q.limit,
  };
  return pageThrough(db, input, q.limit, decodeCursor(q.cursor, { index: indexes.gsi2, value: partition }), false);
}

/**
 * One Query, unless a filter thins the page out: then it reads on, a bounded number of pages,
 * so a search returns a useful page without turning into a scan of the shop.
 */
async function pageThrough(db: Db, input: QueryCommandInput, limit: number, start: Record<string, unknown> | undefined, filtered: boolean): Promise<Page<Order>> {
  const orders: Order[] = [];
  let exclusiveStart = start;
  for (let round = 0; round < (filtered ? 10 : 1); round++) {
    const out = await db.ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: exclusiveStart, Limit: filtered ? Math.max(limit, 100) : limit }));
    for (const item of out.Items ?? []) {
      if (orders.length === limit) {
        // The page is full mid-way through what was read: resume right after the last one kept.
        return { items: orders, nextCursor: encodeCursor(pagingKey(input, orders.at(-1)!)) };
      }
      orders.push(toOrder(item));
    }
    exclusiveStart = out.LastEvaluatedKey;
    if (!exclusiveStart || orders.length === limit) break;
  }
  return { items: orders, nextCursor: encodeCursor(exclusiveStart) };
}

/** The LastEvaluatedKey DynamoDB would give for `order` in this query's index. */
function pagingKey(input: QueryCommandInput, order: Order): Record<string, unknown> {
  const item = toItem(order) as Record<string, unknown>;
  const index = Object.values(indexes).find((i) => i.name === input.IndexName)!;
  return { pk: item.pk, sk: item.sk, [index.pk]: item[index.pk], [index.sk]: item[index.sk] };
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

/**
 * A transaction item moving the order's last activity (and its activity-sorted index keys)
 * without touching its version: a comment is activity, not an edit that should make a
 * concurrent editor's change stale.
 */
export function activityTouch(table: string, order: Order, at: string) {
  const moved = { ...order, lastActivityAt: at };
  const item = toItem(moved) as Record<string, unknown>;
  return {
    Update: {
      TableName: table,
      Key: { pk: orderPk(order.orderId), sk: 'ORDER' },
      UpdateExpression: 'SET lastActivityAt = :at, #g4 = :g4, #g5 = :g5',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#g4': indexes.gsi4.sk, '#g5': indexes.gsi5.sk },
      ExpressionAttributeValues: { ':at': at, ':g4': item[indexes.gsi4.sk], ':g5': item[indexes.gsi5.sk] },
    },
  };
}
