import { randomUUID } from 'node:crypto';
import { replaceOrder, type Order } from '#shared/db/order.ts';
import type { Actor, OrderEvent } from '#shared/db/order-activity.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';

/**
 * The one way an existing order changes: against the version the caller saw, with the change
 * logged and published as one event. A stale version answers 409 and writes nothing.
 */
export async function changeOrder(
  ctx: DomainContext,
  input: {
    current: Order;
    expectedVersion: number;
    changes: Partial<Order>;
    event: { type: string; data: Record<string, unknown> };
    actor: Actor;
    /** Writes that belong to the same change (see replaceOrder). */
    alongside?: Parameters<typeof replaceOrder>[5];
  },
): Promise<Order> {
  if (input.current.version !== input.expectedVersion) throw staleVersion(input.current.version);
  const now = ctx.now().toISOString();
  const next: Order = { ...input.current, ...input.changes, updatedAt: now, lastActivityAt: now, version: input.current.version + 1 };
  const event: OrderEvent = {
    eventId: randomUUID(),
    type: input.event.type,
    orderId: next.orderId,
    shopId: next.shopId,
    at: now,
    actor: input.actor,
    data: input.event.data,
  };
  if ((await replaceOrder(ctx.db, next, input.expectedVersion, event, input.current.status, input.alongside)) === 'stale') throw staleVersion();
  await ctx.publisher.publish(event);
  return next;
}

const staleVersion = (current?: number) =>
  new AppError('version_conflict', 'Someone else changed this order meanwhile. Reload it and try again.', {
    details: current === undefined ? undefined : { currentVersion: current },
  });
