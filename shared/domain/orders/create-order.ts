import { randomUUID } from 'node:crypto';
import { insertOrder, type Order, type OrderSource } from '#shared/db/order.ts';
import type { Actor, OrderEvent } from '#shared/db/order-activity.ts';
import type { Shop } from '#shared/db/shop.ts';
import { revisionTerms } from '#shared/domain/designs/revision-policy.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId, newOrderReference } from '#shared/domain/ids.ts';
import { dueDateProblem } from '#shared/domain/orders/due-date.ts';
import { isoToday } from '#shared/domain/orders/order-views.ts';
import { AppError } from '#shared/errors.ts';

export type NewOrder = {
  shop: Pick<Shop, 'shopId' | 'name' | 'slug' | 'referencePrefix' | 'revisionAllowance' | 'revisionMessage'>;
  title: string;
  customer: { email: string; name: string };
  dueDate?: string | undefined;
  description?: string | undefined;
  personalization?: string | undefined;
  source: OrderSource;
  intake?: Order['intake'];
  actor: Actor;
};

/**
 * Creates an order in `requested` with a fresh human reference, logs and publishes
 * `order.created`. A reference already taken is drawn again.
 */
export async function createOrder(ctx: DomainContext, input: NewOrder): Promise<Order> {
  const problem = input.dueDate === undefined ? undefined : dueDateProblem(input.dueDate, isoToday(ctx.now()));
  if (problem) throw new AppError('validation_failed', problem);
  const now = ctx.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const order: Order = {
      orderId: newId(),
      shopId: input.shop.shopId,
      // The revision terms in force when the order was made travel with it: later changes to the
      // shop's settings apply to new orders only.
      shop: { name: input.shop.name, slug: input.shop.slug, ...revisionTerms(input.shop) },
      reference: newOrderReference(input.shop.referencePrefix),
      title: input.title,
      description: input.description,
      personalization: input.personalization,
      status: 'requested',
      heldFrom: undefined,
      customer: { email: input.customer.email.trim().toLowerCase(), name: input.customer.name.trim() },
      dueDate: input.dueDate,
      source: input.source,
      intake: input.intake,
      payment: { state: 'not_linked' },
      etsy: undefined,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      version: 1,
    };
    const event: OrderEvent = {
      eventId: randomUUID(),
      type: 'order.created',
      orderId: order.orderId,
      shopId: order.shopId,
      at: now,
      actor: input.actor,
      data: { reference: order.reference, source: order.source, title: order.title },
    };
    if ((await insertOrder(ctx.db, order, event)) === 'created') {
      await ctx.publisher.publish(event);
      return order;
    }
  }
  throw new Error('Could not draw a free order reference in 5 attempts');
}
