import { getShopCollection } from '#shared/db/intake-form.ts';
import { queryShopOrders } from '#shared/db/order.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { dueSoonDays, dueState, viewerToday } from '#shared/domain/orders/order-views.ts';
import { AppError } from '#shared/errors.ts';
import { addDays } from '#shared/text/calendar-date.ts';
import { orderStatuses, type OrderStatus } from '#shared/schemas/order-status.ts';

export type DashboardSummary = {
  shop: { id: string; slug: string; name: string };
  counts: Record<OrderStatus, number>;
  open: number;
  overdue: number;
  /** Open orders due from today to `dueSoonDays` days on: "due in the next 3 days". */
  dueSoon: number;
};

/**
 * The dashboard's tab counts and due badges: the shop partition (one Query: shop, forms,
 * counts) and the open orders due within a few days (one Query, A5).
 */
export async function getDashboardSummary(ctx: DomainContext, shopId: string, viewersToday?: string): Promise<DashboardSummary> {
  const today = viewerToday(ctx.now(), viewersToday);
  const horizon = addDays(today, dueSoonDays + 1);
  const [collection, dueWindow] = await Promise.all([
    getShopCollection(ctx.db, shopId),
    queryShopOrders(ctx.db, { shopId, scope: 'open', sort: 'due', dueBefore: horizon, limit: 100 }),
  ]);
  if (!collection) throw new AppError('not_found', 'No such shop.');
  const counts = Object.fromEntries(orderStatuses.map((s) => [s, Math.max(0, collection.counts[s] ?? 0)])) as Record<OrderStatus, number>;
  const states = dueWindow.items.map((o) => dueState(o, today));
  return {
    shop: { id: collection.shop.shopId, slug: collection.shop.slug, name: collection.shop.name },
    counts,
    open: orderStatuses.filter((s) => s !== 'completed' && s !== 'cancelled').reduce((sum, s) => sum + counts[s], 0),
    overdue: states.filter((s) => s === 'overdue').length,
    dueSoon: states.filter((s) => s === 'due_soon').length,
  };
}
