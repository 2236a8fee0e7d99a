import type { Page } from '#shared/db/cursor.ts';
import { getOrder, getOrderIdByReference, queryCustomerOrders, queryShopOrders, type Order } from '#shared/db/order.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { canSeeOrder } from '#shared/domain/orders/order-access.ts';
import { toOrderSummary, viewerToday } from '#shared/domain/orders/order-views.ts';
import type { OrderSummary } from '#shared/schemas/order.ts';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { referenceInSearch } from '#shared/text/search-text.ts';

export type ListOrdersInput = {
  status?: OrderStatus | 'open' | 'closed' | undefined;
  q?: string | undefined;
  dueBefore?: string | undefined;
  sort: 'due' | 'activity';
  cursor?: string | undefined;
  limit: number;
  /** The viewer's calendar date (see `viewerToday`). */
  today?: string | undefined;
};

/**
 * A seller's dashboard (A1/A5: one Query) or a customer's orders across shops (A3: one Query).
 * A search that is a whole reference (in any case, with or without its dash) is answered by the
 * reference itself; any other, or one that is no order of this shop's, searches the orders' text.
 */
export async function listOrders(ctx: DomainContext, principal: Principal, input: ListOrdersInput): Promise<Page<OrderSummary>> {
  const today = viewerToday(ctx.now(), input.today);
  const summarise = (page: Page<Order>) => ({ items: page.items.map((o) => toOrderSummary(o, today)), nextCursor: page.nextCursor });

  if (principal.kind === 'customer') {
    return summarise(await queryCustomerOrders(ctx.db, { email: principal.email, limit: input.limit, cursor: input.cursor }));
  }
  const q = input.q?.trim();
  const reference = q && !input.cursor ? referenceInSearch(q) : undefined;
  if (reference) {
    const orderId = await getOrderIdByReference(ctx.db, reference);
    const order = orderId ? await getOrder(ctx.db, orderId) : undefined;
    if (order && canSeeOrder(principal, order)) return summarise({ items: [order], nextCursor: undefined });
  }
  const status = input.status === 'open' || input.status === 'closed' ? undefined : input.status;
  const scope = input.status === 'closed' ? 'closed' : 'open';
  return summarise(
    await queryShopOrders(ctx.db, { shopId: principal.shopId, status, scope, sort: input.sort, dueBefore: input.dueBefore, search: q || undefined, limit: input.limit, cursor: input.cursor }),
  );
}
