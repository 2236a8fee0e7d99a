import type { Order } from '#shared/db/order.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { changeOrder } from '#shared/domain/orders/change-order.ts';
import { dueDateProblem } from '#shared/domain/orders/due-date.ts';
import { actorOf, loadOrderFor, requireShopOf } from '#shared/domain/orders/order-access.ts';
import { isoToday } from '#shared/domain/orders/order-views.ts';
import { AppError } from '#shared/errors.ts';
import type { OrderPatch } from '#shared/schemas/order.ts';

const editable = ['title', 'description', 'personalization', 'dueDate'] as const;

/** The seller edits an order's details; the log keeps each changed field's old and new value. */
export async function updateOrder(ctx: DomainContext, principal: Principal, orderId: string, patch: OrderPatch): Promise<Order> {
  const order = await loadOrderFor(ctx, principal, orderId);
  requireShopOf(principal, order);
  const changes: Partial<Order> = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of editable) {
    if (!(field in patch)) continue;
    const value = patch[field] === null ? undefined : patch[field];
    if (value === order[field]) continue;
    (changes as Record<string, unknown>)[field] = value;
    changed[field] = { from: order[field] ?? null, to: value ?? null };
  }
  if (patch.customerName !== undefined && patch.customerName !== order.customer.name) {
    changes.customer = { ...order.customer, name: patch.customerName };
    changed.customerName = { from: order.customer.name, to: patch.customerName };
  }
  if (Object.keys(changed).length === 0) {
    if (order.version !== patch.version) throw new AppError('version_conflict', 'Someone else changed this order meanwhile. Reload it and try again.');
    return order;
  }
  if (changes.title !== undefined && !changes.title) throw new AppError('validation_failed', 'An order needs a title.');
  // Checked only when changed: an order keeps the date it was given, even once it lies far back.
  const dueProblem = changes.dueDate === undefined ? undefined : dueDateProblem(changes.dueDate, isoToday(ctx.now()));
  if (dueProblem) throw new AppError('validation_failed', dueProblem);
  return changeOrder(ctx, { current: order, expectedVersion: patch.version, changes, event: { type: 'order.updated', data: { changed } }, actor: actorOf(principal) });
}
