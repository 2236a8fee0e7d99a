import type { OrderStatus } from '#shared/schemas/order-status.ts';

/**
 * The order lifecycle (DESIGN §3), the only place that says which status may follow which:
 * requested → quoted → in_design ⇄ awaiting_approval → approved → in_production → shipped →
 * completed; cancelled from any open state; on_hold from any open state and back to where it was.
 */
const forward: Record<OrderStatus, readonly OrderStatus[]> = {
  requested: ['quoted'],
  quoted: ['in_design'],
  in_design: ['awaiting_approval'],
  awaiting_approval: ['in_design', 'approved'],
  // A new proof after approval re-opens the design.
  approved: ['in_production', 'in_design'],
  in_production: ['shipped'],
  shipped: ['completed'],
  completed: [],
  cancelled: [],
  on_hold: [],
};

export const closedStatuses: readonly OrderStatus[] = ['completed', 'cancelled'];
export const isOpen = (status: OrderStatus) => !closedStatuses.includes(status);

/**
 * Steps of design review that only posting a proof (→ awaiting_approval) or the customer's
 * recorded decision on it (→ approved) makes, never a status change by hand: an order waits for
 * approval only with a proof to approve, and "looks great!" in another channel is not an
 * approval. The seller's way on without one is the production override, its reason in the log.
 */
const reviewOnly: ReadonlyArray<readonly [OrderStatus, OrderStatus]> = [
  ['in_design', 'awaiting_approval'],
  ['awaiting_approval', 'approved'],
];

/** Who makes a step: the seller changing the status by hand, or design review (a proof, a decision). */
export type StepMaker = 'hand' | 'review';

/** Production may start from these only with the seller's recorded override reason. */
const overridableIntoProduction: readonly OrderStatus[] = ['quoted', 'in_design', 'awaiting_approval'];

export type TransitionOption = { to: OrderStatus; requiresReason: boolean };

/**
 * Where an order may go next. `heldFrom` is the status an order on hold left, the only one
 * it may return to. Shipped orders can no longer be cancelled or held: the piece is on its way.
 */
export function allowedTransitions(status: OrderStatus, heldFrom?: OrderStatus, by: StepMaker = 'hand'): TransitionOption[] {
  if (status === 'on_hold') {
    return [...(heldFrom ? [{ to: heldFrom, requiresReason: false }] : []), { to: 'cancelled', requiresReason: true }];
  }
  const byHand = (to: OrderStatus) => !reviewOnly.some(([from, next]) => from === status && next === to);
  const options: TransitionOption[] = forward[status].filter((to) => by === 'review' || byHand(to)).map((to) => ({ to, requiresReason: false }));
  if (overridableIntoProduction.includes(status)) options.push({ to: 'in_production', requiresReason: true });
  if (isOpen(status) && status !== 'shipped') {
    options.push({ to: 'on_hold', requiresReason: false }, { to: 'cancelled', requiresReason: true });
  }
  return options;
}

export type TransitionCheck =
  | { ok: true; override: boolean }
  | { ok: false; reason: 'not_allowed' | 'reason_required'; allowed: TransitionOption[] };

export function checkTransition(input: { from: OrderStatus; to: OrderStatus; heldFrom?: OrderStatus | undefined; reason?: string | undefined; by?: StepMaker }): TransitionCheck {
  const allowed = allowedTransitions(input.from, input.heldFrom, input.by);
  const option = allowed.find((o) => o.to === input.to);
  if (!option) return { ok: false, reason: 'not_allowed', allowed };
  if (option.requiresReason && !input.reason?.trim()) return { ok: false, reason: 'reason_required', allowed };
  return { ok: true, override: option.to === 'in_production' && overridableIntoProduction.includes(input.from) };
}
