export type Actor = { kind: 'seller' | 'customer' | 'system'; email?: string | undefined; name?: string | undefined };

/** One entry of an order's activity log; the same record is published as the domain event. */
export type OrderEvent = {
  eventId: string;
  /** e.g. `order.created`, `status.changed`, `order.updated` (DESIGN §3). */
  type: string;
  orderId: string;
  shopId: string;
  at: string;
  actor: Actor;
  data: Record<string, unknown>;
};

export const activitySkPrefix = 'EVENT#';

/**
 * A transaction item appending the event to the order's item collection. The item's `type`
 * names the entity, as on every item; the event's own type is kept as `eventType`.
 */
export function activityPut(table: string, event: OrderEvent) {
  const { type, ...rest } = event;
  return {
    Put: {
      TableName: table,
      Item: { pk: `ORDER#${event.orderId}`, sk: `${activitySkPrefix}${event.at}#${event.eventId}`, ...rest, type: 'OrderEvent', eventType: type },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function toOrderEvent(item: Record<string, unknown>): OrderEvent {
  return {
    eventId: String(item.eventId),
    type: String(item.eventType),
    orderId: String(item.orderId),
    shopId: String(item.shopId),
    at: String(item.at),
    actor: item.actor as Actor,
    data: (item.data as Record<string, unknown> | undefined) ?? {},
  };
}
