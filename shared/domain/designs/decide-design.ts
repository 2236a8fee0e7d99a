import { designReplace, isDesignItem, toDesign, type Design } from '#shared/db/design.ts';
import type { Principal } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { revisionPolicy } from '#shared/domain/designs/revision-policy.ts';
import { changeOrder } from '#shared/domain/orders/change-order.ts';
import { checkTransition } from '#shared/domain/orders/lifecycle.ts';
import { actorOf, loadOrderCollectionFor } from '#shared/domain/orders/order-access.ts';
import { actorViewFor, designAsSeen } from '#shared/domain/orders/order-views.ts';
import { AppError } from '#shared/errors.ts';

export type DecisionInput = {
  orderId: string;
  designId: string;
  decision: 'approve' | 'request_changes';
  note?: string | undefined;
  /** For an approval: what the customer was shown and confirmed (every file's SHA-256, the personalization text). */
  confirm?: { sha256s: string[]; personalization: string } | undefined;
  ip: string;
  userAgent: string;
};

/**
 * The customer approves the latest proof or asks for changes: a proof the shop sent, never a
 * design of the customer's own (ADR 0021). An approval must confirm exactly
 * the files and personalization on record, and is kept with the time, IP and user agent; the
 * order moves to `approved` or back to `in_design` in the same transaction.
 */
export async function decideDesign(ctx: DomainContext, principal: Principal, input: DecisionInput): Promise<Design> {
  const { order, items } = await loadOrderCollectionFor(ctx, principal, input.orderId);
  const designs = items.filter(isDesignItem).map(toDesign);
  const design = designs.find((d) => d.designId === input.designId);
  if (!design) throw new AppError('not_found', 'No such proof.');
  if (principal.kind !== 'customer') throw new AppError('forbidden', 'Only the customer decides on a proof.');
  // A version the customer sent is their proposal, not the shop's proof: the shop answers it with a
  // proof of its own (maybe the same artwork), and an approval is always of the shop's proof (ADR 0021).
  if (design.author.kind === 'customer') {
    throw new AppError('conflict', `v${design.version} is your own design: the shop answers it with a proof (it may be this same artwork), and you approve that proof or ask for changes on it.`);
  }
  if (design.state === 'superseded') throw new AppError('conflict', 'A newer version of this proof exists: decide on that one.');
  if (design.state !== 'awaiting_decision') throw new AppError('conflict', 'This proof has been decided already.');
  if (order.status !== 'awaiting_approval') throw new AppError('conflict', 'The shop has moved this order on; it is no longer waiting for your decision.');

  if (input.decision === 'approve') {
    const expected = [...design.files.map((f) => f.sha256)].sort();
    const confirmed = [...(input.confirm?.sha256s ?? [])].sort();
    const personalization = order.personalization ?? '';
    if (!input.confirm || JSON.stringify(expected) !== JSON.stringify(confirmed) || input.confirm.personalization !== personalization) {
      throw new AppError('validation_failed', 'Confirm the exact files and personalization you approve; they may have changed. Reload and check them again.', {
        details: { expected: { sha256s: expected, personalization } },
      });
    }
  }

  const to = input.decision === 'approve' ? 'approved' : 'in_design';
  if (!checkTransition({ from: order.status, to, by: 'review' }).ok) throw new Error(`lifecycle refuses ${order.status} → ${to} on a decision`);
  const used = designs.filter((d) => d.decision?.decision === 'request_changes').length;
  const beyondAllowance = input.decision === 'request_changes' && used >= revisionPolicy(order.shop).allowance;
  const decided: Design = {
    ...design,
    state: input.decision === 'approve' ? 'approved' : 'changes_requested',
    decision: {
      decision: input.decision,
      note: input.note?.trim() || undefined,
      at: ctx.now().toISOString(),
      by: actorOf(principal),
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 512),
      confirmed: input.decision === 'approve' ? input.confirm : undefined,
      beyondAllowance,
    },
  };
  await changeOrder(ctx, {
    current: order,
    expectedVersion: order.version,
    changes: { status: to },
    event: {
      type: 'design.decided',
      data: { designId: design.designId, version: design.version, decision: input.decision, from: order.status, to, ...(beyondAllowance ? { beyondAllowance } : {}) },
    },
    actor: actorOf(principal),
    alongside: [designReplace(ctx.db.table, decided, 'awaiting_decision')],
  });
  // Only the customer decides: the proof's author is the shop, named, never the seller's email.
  return designAsSeen(decided, actorViewFor(principal.kind, order.shop.name));
}
