import { designPut, designReplace, isDesignItem, toDesign, type Design } from '#shared/db/design.ts';
import { fileSkPrefix, toOrderFile } from '#shared/db/order-file.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId } from '#shared/domain/ids.ts';
import { changeOrder } from '#shared/domain/orders/change-order.ts';
import { checkTransition } from '#shared/domain/orders/lifecycle.ts';
import { actorOf, loadOrderCollectionFor } from '#shared/domain/orders/order-access.ts';
import { AppError } from '#shared/errors.ts';
import { statusLabels, type OrderStatus } from '#shared/schemas/order-status.ts';

/** How posting the shop's proof moves the order, one lifecycle step at a time, to `awaiting_approval`. */
const pathToReview: Partial<Record<OrderStatus, OrderStatus[]>> = {
  quoted: ['in_design', 'awaiting_approval'],
  in_design: ['awaiting_approval'],
  awaiting_approval: [],
  // A new version after approval re-opens the review: the shop's call only (ADR 0019).
  approved: ['in_design', 'awaiting_approval'],
};

/**
 * How a design of the customer's own moves the order: to `in_design`, never to
 * `awaiting_approval`. It is their proposal, which the shop answers with a proof; nothing waits
 * for the customer's approval until that proof is sent (ADR 0021). Sent while the shop's proof
 * waits for them, it replaces that proof and the order goes back to design.
 */
const pathToTheShop: Partial<Record<OrderStatus, OrderStatus[]>> = {
  quoted: ['in_design'],
  in_design: [],
  awaiting_approval: ['in_design'],
};

/**
 * Where a customer may send a design of their own: until a version is approved. After that the
 * shop may be making the piece, and only the shop re-opens the design (ADR 0019).
 */
const openToTheCustomersOwnDesign: readonly OrderStatus[] = ['quoted', 'in_design', 'awaiting_approval'];

/**
 * The shop (or the customer, for a design of their own) posts the next proof version (v1, v2,
 * …) made of files already checked on this order. The version, the order's move (to
 * `awaiting_approval` for the shop's proof, to `in_design` for the customer's own design, which
 * waits for the shop's proof) and the superseding of an undecided earlier version are one
 * transaction, against the order version read here.
 */
export async function postDesign(ctx: DomainContext, principal: Principal, input: { orderId: string; fileIds: string[]; note?: string | undefined }): Promise<Design> {
  // The guard admits the order's shop and its customer: either may post a version.
  const { order, items } = await loadOrderCollectionFor(ctx, principal, input.orderId);
  if (principal.kind === 'customer' && order.status === 'approved') {
    const approved = Math.max(0, ...items.filter(isDesignItem).map(toDesign).filter((d) => d.state === 'approved').map((d) => d.version));
    throw new AppError('conflict', `You approved v${approved}, and the shop may already be making it: a design of your own cannot replace it now. To change something, ask the shop.`, { details: { status: order.status } });
  }
  if (principal.kind === 'customer' && !openToTheCustomersOwnDesign.includes(order.status)) {
    throw new AppError('transition_not_allowed', `A design of your own cannot be sent while the order is ${statusLabels[order.status]}.`, { details: { status: order.status } });
  }
  const path = (principal.kind === 'customer' ? pathToTheShop : pathToReview)[order.status];
  if (!path) throw new AppError('transition_not_allowed', `A proof cannot be posted while the order is ${statusLabels[order.status]}.`, { details: { status: order.status } });
  let from = order.status;
  for (const to of path) {
    if (!checkTransition({ from, to, by: 'review' }).ok) throw new Error(`lifecycle refuses ${from} → ${to} on the proof path`);
    from = to;
  }
  const to = from;

  const files = items.filter((i) => String(i.sk).startsWith(fileSkPrefix)).map(toOrderFile);
  const chosen = input.fileIds.map((id) => files.find((f) => f.fileId === id));
  if (chosen.length === 0 || chosen.some((f) => !f)) throw new AppError('validation_failed', 'Choose files uploaded to this order for the proof.');
  // A version carries each file once: the same file chosen twice, or uploaded again and chosen
  // beside its first upload, would be listed (and approved, on the receipt) twice.
  const twice = chosen.find((f, i) => chosen.findIndex((g) => g!.sha256 === f!.sha256) !== i);
  if (twice) throw new AppError('validation_failed', `${twice.filename} is chosen twice for this version: choose it once.`, { details: { fileId: twice.fileId } });
  // A customer's version is their own design: made only of files they uploaded themselves.
  if (principal.kind === 'customer' && chosen.some((f) => f!.uploadedBy.email !== principal.email)) {
    throw new AppError('validation_failed', 'Your own design can only be made of files you uploaded.');
  }
  const designs = items.filter(isDesignItem).map(toDesign);
  const now = ctx.now().toISOString();
  const design: Design = {
    designId: newId(),
    orderId: order.orderId,
    version: Math.max(0, ...designs.map((d) => d.version)) + 1,
    files: chosen.map((f) => ({ fileId: f!.fileId, filename: f!.filename, sha256: f!.sha256, size: f!.size, contentType: f!.contentType, kind: f!.kind })),
    note: input.note?.trim() || undefined,
    author: actorOf(principal),
    createdAt: now,
    state: 'awaiting_decision',
    decision: undefined,
  };
  const undecided = designs.filter((d) => d.state === 'awaiting_decision');
  await changeOrder(ctx, {
    current: order,
    expectedVersion: order.version,
    changes: { status: to },
    event: { type: 'design.uploaded', data: { designId: design.designId, version: design.version, from: order.status, to, files: design.files.length } },
    actor: actorOf(principal),
    alongside: [designPut(ctx.db.table, design), ...undecided.map((d) => designReplace(ctx.db.table, { ...d, state: 'superseded' }, 'awaiting_decision'))],
  });
  return design;
}
