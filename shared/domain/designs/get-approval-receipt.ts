import { isDesignItem, toDesign, type Design } from '#shared/db/design.ts';
import type { Order } from '#shared/db/order.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { loadOrderCollectionFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';

export type ApprovalReceipt = { order: Order; design: Design & { decision: NonNullable<Design['decision']> } };

/** The record of an approval, for the seller's files and Etsy disputes (one Query). */
export async function getApprovalReceipt(ctx: DomainContext, principal: Principal, input: { orderId: string; designId: string }): Promise<ApprovalReceipt> {
  const { order, items } = await loadOrderCollectionFor(ctx, principal, input.orderId);
  const design = items.filter(isDesignItem).map(toDesign).find((d) => d.designId === input.designId);
  if (!design) throw new AppError('not_found', 'No such proof.');
  if (design.decision?.decision !== 'approve') throw new AppError('not_found', 'This proof has not been approved, so it has no approval receipt.');
  return { order, design: design as ApprovalReceipt['design'] };
}
