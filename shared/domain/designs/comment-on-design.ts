import { randomUUID } from 'node:crypto';
import { commentPut, commentResolution, isCommentItem, toComment, type DesignComment } from '#shared/db/comment.ts';
import { isDesignItem, toDesign } from '#shared/db/design.ts';
import { activityTouch } from '#shared/db/order.ts';
import { activityPut, type OrderEvent } from '#shared/db/order-activity.ts';
import type { Principal } from '#shared/db/session.ts';
import { transactWrite } from '#shared/db/transact.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId } from '#shared/domain/ids.ts';
import { actorOf, loadOrderCollectionFor } from '#shared/domain/orders/order-access.ts';
import { actorViewFor, commentAsSeen } from '#shared/domain/orders/order-views.ts';
import { AppError } from '#shared/errors.ts';

export type NewComment = {
  orderId: string;
  designId: string;
  body: string;
  pin?: { fileId: string; x: number; y: number; page?: number | undefined } | undefined;
  parentId?: string | undefined;
};

/**
 * The shop or the customer comments on a proof: a new thread, pinned to a spot of one of its
 * files or not, or a reply to a thread. The comment and its activity entry land together.
 */
export async function commentOnDesign(ctx: DomainContext, principal: Principal, input: NewComment): Promise<DesignComment> {
  const { order, items } = await loadOrderCollectionFor(ctx, principal, input.orderId);
  const design = items.filter(isDesignItem).map(toDesign).find((d) => d.designId === input.designId);
  if (!design) throw new AppError('not_found', 'No such proof.');
  if (input.pin && !design.files.some((f) => f.fileId === input.pin!.fileId)) throw new AppError('validation_failed', 'A pin must sit on a file of this proof.');
  if (input.parentId) {
    const parent = items.filter(isCommentItem).map(toComment).find((c) => c.commentId === input.parentId && c.designId === design.designId);
    if (!parent || parent.parentId) throw new AppError('validation_failed', 'Reply to a thread of this proof.');
    if (input.pin) throw new AppError('validation_failed', 'A reply belongs to its thread’s pin; it cannot have its own.');
  }
  const at = ctx.now().toISOString();
  const comment: DesignComment = {
    commentId: newId(),
    orderId: order.orderId,
    designId: design.designId,
    body: input.body.trim(),
    pin: input.pin,
    parentId: input.parentId,
    author: actorOf(principal),
    createdAt: at,
    resolved: false,
    resolvedBy: undefined,
    resolvedAt: undefined,
  };
  const event: OrderEvent = {
    eventId: randomUUID(),
    type: 'comment.added',
    orderId: order.orderId,
    shopId: order.shopId,
    at,
    actor: comment.author,
    data: { designId: design.designId, version: design.version, commentId: comment.commentId, reply: Boolean(input.parentId), pinned: Boolean(input.pin) },
  };
  await transactWrite(ctx.db, [commentPut(ctx.db.table, comment), activityPut(ctx.db.table, event), activityTouch(ctx.db.table, order, at)]);
  await ctx.publisher.publish(event);
  return comment;
}

/** Resolves or reopens a thread; a thread already in that state answers 409. */
export async function resolveThread(ctx: DomainContext, principal: Principal, input: { orderId: string; designId: string; commentId: string; resolved: boolean }): Promise<DesignComment> {
  const { order, items } = await loadOrderCollectionFor(ctx, principal, input.orderId);
  const comment = items.filter(isCommentItem).map(toComment).find((c) => c.commentId === input.commentId && c.designId === input.designId);
  if (!comment) throw new AppError('not_found', 'No such comment.');
  if (comment.parentId) throw new AppError('validation_failed', 'Resolve the thread, not a reply.');
  const at = ctx.now().toISOString();
  const by = actorOf(principal);
  const result = await transactWrite(ctx.db, [commentResolution(ctx.db.table, comment, input.resolved, by, at)]);
  if (!result.ok) throw new AppError('conflict', input.resolved ? 'This thread is resolved already.' : 'This thread is open already.');
  // Seen as the order page shows it: a customer gets the shop's name for the seller, not their email.
  return commentAsSeen({ ...comment, resolved: input.resolved, resolvedBy: by, resolvedAt: at }, actorViewFor(principal.kind, order.shop.name));
}
