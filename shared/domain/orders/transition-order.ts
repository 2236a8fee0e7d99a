import type { Order, OrderStatus } from '#shared/db/order.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { changeOrder } from '#shared/domain/orders/change-order.ts';
import { checkTransition } from '#shared/domain/orders/lifecycle.ts';
import { actorOf, loadOrderFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';
import { statusLabels } from '#shared/schemas/order-status.ts';

export type TransitionInput = { orderId: string; to: OrderStatus; reason?: string | undefined; version: number };

/**
 * Moves an order along its lifecycle. The shop drives every step; a customer may only
 * withdraw a request the shop has not answered yet. A refused step answers 409 naming the
 * allowed ones; starting production before approval needs the seller's reason, kept in the log.
 */
export async function transitionOrder(ctx: DomainContext, principal: Principal, input: TransitionInput): Promise<Order> {
  const order = await loadOrderFor(ctx, principal, input.orderId);
  if (principal.kind === 'customer') {
    if (input.to !== 'cancelled') throw new AppError('forbidden', 'Only the shop can change the status of this order.');
    // Withdrawing is the customer's to do, but only while the shop has not answered: later it is
    // the order's state, not who asks, that refuses it.
    if (order.status !== 'requested') {
      throw new AppError('transition_not_allowed', 'The shop has already taken this request further: it can no longer be withdrawn here.', {
        details: { from: order.status, allowed: [] },
      });
    }
  }
  const reason = input.reason?.trim() || undefined;
  const check = checkTransition({ from: order.status, to: input.to, heldFrom: order.heldFrom, reason });
  if (!check.ok) {
    const allowed = check.allowed.map((o) => o.to);
    const message =
      check.reason === 'reason_required'
        ? `Moving this order to ${statusLabels[input.to]} needs a reason.`
        : `This order is ${statusLabels[order.status]} now, so it cannot move to ${statusLabels[input.to]}. ${allowed.length ? `It can move to ${allowed.map((to) => statusLabels[to]).join(', ').replace(/, ([^,]*)$/, ' or $1')}.` : 'It is closed.'}`;
    throw new AppError(check.reason === 'reason_required' ? 'validation_failed' : 'transition_not_allowed', message, {
      details: { from: order.status, allowed: check.allowed },
    });
  }
  return changeOrder(ctx, {
    current: order,
    expectedVersion: input.version,
    changes: { status: input.to, heldFrom: input.to === 'on_hold' ? order.status : undefined },
    event: { type: 'status.changed', data: { from: order.status, to: input.to, ...(reason ? { reason } : {}), ...(check.override ? { override: true } : {}) } },
    actor: actorOf(principal),
  });
}
