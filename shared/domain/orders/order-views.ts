import type { DesignComment } from '#shared/db/comment.ts';
import type { Design } from '#shared/db/design.ts';
import type { Order } from '#shared/db/order.ts';
import type { Actor } from '#shared/db/order-activity.ts';
import type { Principal } from '#shared/db/session.ts';
import { AppError } from '#shared/errors.ts';
import { addDays } from '#shared/text/calendar-date.ts';
import { isOpen } from '#shared/domain/orders/lifecycle.ts';
import type { OrderSummary } from '#shared/schemas/order.ts';

/** Open orders due within this many days are flagged "due soon". */
export const dueSoonDays = 3;

/** Where an order stands against its due date, on `today` (an ISO date). */
export function dueState(order: Pick<Order, 'status' | 'dueDate'>, today: string): OrderSummary['dueState'] {
  if (!isOpen(order.status) || order.status === 'shipped') return 'closed';
  if (!order.dueDate) return 'no_date';
  if (order.dueDate < today) return 'overdue';
  const soon = addDays(today, dueSoonDays);
  return order.dueDate <= soon ? 'due_soon' : 'on_track';
}

export const isoToday = (now: Date) => now.toISOString().slice(0, 10);

const hours = 60 * 60_000;
/** The earliest date that is still today somewhere (UTC−12): a calendar may lag UTC by 12 hours. */
export const earliestTodayAnywhere = (now: Date): string => isoToday(new Date(now.getTime() - 12 * hours));
/** The latest date that is already today somewhere (UTC+14). */
export const latestTodayAnywhere = (now: Date): string => isoToday(new Date(now.getTime() + 14 * hours));

/**
 * "Today" for the person looking: the calendar date the portal sends (`today`), so an order due
 * today is not "Overdue" in the evening west of UTC. A date that is not today anywhere is refused;
 * without one (an API client), UTC's.
 */
export function viewerToday(now: Date, asked: string | undefined): string {
  if (asked === undefined) return isoToday(now);
  if (asked < earliestTodayAnywhere(now) || asked > latestTodayAnywhere(now))
    throw new AppError('validation_failed', 'today must be the calendar date where you are now, as YYYY-MM-DD.');
  return asked;
}

export function toOrderSummary(order: Order, today: string): OrderSummary {
  return {
    orderId: order.orderId,
    reference: order.reference,
    title: order.title,
    status: order.status,
    customer: order.customer,
    dueDate: order.dueDate ?? null,
    dueState: dueState(order, today),
    lastActivityAt: order.lastActivityAt,
    createdAt: order.createdAt,
    shopId: order.shopId,
    shopName: order.shop.name,
    personalization: order.personalization ?? null,
    version: order.version,
  };
}

export function toOrderDetail(order: Order, today: string) {
  return {
    ...toOrderSummary(order, today),
    description: order.description ?? null,
    heldFrom: order.heldFrom ?? null,
    source: order.source,
    intake: order.intake ?? null,
    payment: order.payment,
    etsy: order.etsy ?? null,
    updatedAt: order.updatedAt,
  };
}

/** How the person looking sees who did something on an order. */
export type ActorView = (actor: Actor) => Actor;

/**
 * Who did what, as `viewer` may see it. The shop sees every actor as recorded. A customer sees
 * the shop by its name, never a seller's sign-in email (private to the shop), and an actor that
 * is not a customer without any email; what the customer did carries their own email.
 * Stored records keep the email: only the view changes.
 */
export function actorViewFor(viewer: Principal['kind'], shopName: string): ActorView {
  if (viewer === 'seller') return (actor) => actor;
  return (actor) => {
    if (actor.kind === 'customer') return actor;
    if (actor.kind === 'seller') return { kind: 'seller', name: shopName };
    return { kind: actor.kind };
  };
}

/** A proof as `seen` shows its author and the decision's author. */
export const designAsSeen = (design: Design, seen: ActorView): Design => ({
  ...design,
  author: seen(design.author),
  ...(design.decision ? { decision: { ...design.decision, by: seen(design.decision.by) } } : {}),
});

/** A comment as `seen` shows its author and whoever resolved its thread. */
export const commentAsSeen = (comment: DesignComment, seen: ActorView): DesignComment => ({
  ...comment,
  author: seen(comment.author),
  ...(comment.resolvedBy ? { resolvedBy: seen(comment.resolvedBy) } : {}),
});
