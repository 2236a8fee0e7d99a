import { isCommentItem, toComment } from '#shared/db/comment.ts';
import { isDesignItem, toDesign } from '#shared/db/design.ts';
import { fileSkPrefix, toOrderFile } from '#shared/db/order-file.ts';
import type { Principal } from '#shared/db/session.ts';
import { revisionPolicy } from '#shared/domain/designs/revision-policy.ts';
import { toFileView } from '#shared/domain/files/file-view.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { allowedTransitions } from '#shared/domain/orders/lifecycle.ts';
import { loadOrderCollectionFor } from '#shared/domain/orders/order-access.ts';
import { actorViewFor, commentAsSeen, designAsSeen, toOrderDetail, viewerToday } from '#shared/domain/orders/order-views.ts';
import type { OrderPage } from '#shared/schemas/order.ts';

/**
 * The order page (A2): one Query of the order's item collection. The steps offered are the
 * ones the viewer may take: every allowed step for the shop, withdrawal of an unanswered
 * request for the customer. A customer sees the shop's people by the shop's name, never their
 * sign-in emails (`actorViewFor`): what is stored keeps them.
 */
export async function getOrderPage(ctx: DomainContext, principal: Principal, orderId: string, today?: string): Promise<OrderPage> {
  const viewersToday = viewerToday(ctx.now(), today);
  const { order, activity, items } = await loadOrderCollectionFor(ctx, principal, orderId);
  const designs = items.filter(isDesignItem).map(toDesign).sort((a, b) => b.version - a.version);
  const files = items.filter((i) => String(i.sk).startsWith(fileSkPrefix)).map(toOrderFile);
  const policy = revisionPolicy(order.shop);
  const steps = allowedTransitions(order.status, order.heldFrom);
  const seen = actorViewFor(principal.kind, order.shop.name);
  return {
    order: toOrderDetail(order, viewersToday),
    shop: { name: order.shop.name, slug: order.shop.slug },
    activity: activity.map((event) => ({ ...event, actor: seen(event.actor) })),
    allowedTransitions: principal.kind === 'seller' ? steps : steps.filter((s) => order.status === 'requested' && s.to === 'cancelled'),
    viewer: principal.kind,
    designs: designs.map((design) => designAsSeen(design, seen)),
    comments: items
      .filter(isCommentItem)
      .map(toComment)
      .map((comment) => commentAsSeen(comment, seen)),
    files: files.map((file) => toFileView(file, seen)),
    revisions: { allowance: policy.allowance, used: designs.filter((d) => d.decision?.decision === 'request_changes').length, message: policy.message },
  };
}
