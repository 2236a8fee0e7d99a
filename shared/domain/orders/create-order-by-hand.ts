import type { Order } from '#shared/db/order.ts';
import type { Principal } from '#shared/db/session.ts';
import { getShop } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { actorOf } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';
import type * as z from '#shared/zod.ts';
import type { newOrderSchema } from '#shared/schemas/order.ts';

/** A seller records an order that came in another way (Etsy Messages, a market stall, email). */
export async function createOrderByHand(ctx: DomainContext, principal: Principal, input: z.infer<ReturnType<typeof newOrderSchema>>): Promise<Order> {
  if (principal.kind !== 'seller') throw new AppError('forbidden', 'Only a shop can create orders by hand.');
  const shop = await getShop(ctx.db, principal.shopId);
  if (!shop) throw new AppError('not_found', 'No such shop.');
  return createOrder(ctx, { shop, ...input, source: 'manual', actor: actorOf(principal) });
}
