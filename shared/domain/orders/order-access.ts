import { getOrder, getOrderCollection, type Order, type OrderCollection } from '#shared/db/order.ts';
import type { Actor } from '#shared/db/order-activity.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';

/**
 * THE order guard: a customer sees the orders under their email, a seller their shop's.
 * Everything order-scoped loads the order through here, and an order the caller may not see
 * is answered exactly like one that does not exist (404, not 403).
 */
export function canSeeOrder(principal: Principal, order: Pick<Order, 'shopId' | 'customer'>): boolean {
  return principal.kind === 'seller' ? principal.shopId === order.shopId : principal.email === order.customer.email;
}

const hidden = () => new AppError('not_found', 'No such order.');

/** The order root (one GetItem), for writes. */
export async function loadOrderFor(ctx: DomainContext, principal: Principal, orderId: string): Promise<Order> {
  const order = await getOrder(ctx.db, orderId);
  if (!order || !canSeeOrder(principal, order)) throw hidden();
  return order;
}

/** The whole item collection (one Query), for the order page. */
export async function loadOrderCollectionFor(ctx: DomainContext, principal: Principal, orderId: string): Promise<OrderCollection> {
  const collection = await getOrderCollection(ctx.db, orderId);
  if (!collection || !canSeeOrder(principal, collection.order)) throw hidden();
  return collection;
}

/** Only the shop may do this: a customer of the order gets a clear 403, anyone else a 404. */
export function requireShopOf(principal: Principal, order: Order): asserts principal is Extract<Principal, { kind: 'seller' }> {
  if (principal.kind !== 'seller') throw new AppError('forbidden', 'Only the shop can do this.');
  if (principal.shopId !== order.shopId) throw hidden();
}

export const actorOf = (principal: Principal): Actor => ({ kind: principal.kind, email: principal.email });
