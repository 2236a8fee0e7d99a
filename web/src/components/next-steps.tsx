import { useEffect, useRef, useState } from 'preact/hooks';
import type { OrderPage } from '#shared/schemas/order.ts';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { ApiError, post } from '../api.ts';
import { Button } from './button.tsx';
import { Field, Notice } from './field.tsx';
import { statusLabels } from '#shared/schemas/order-status.ts';
import { useLeaveGuard } from './leave-guard.ts';
import { designAwaitingProof } from './proofs.tsx';
import { TellTheCustomer } from './tell-the-customer.tsx';

/** Asking for approval and approving are design review's steps, not buttons here (ADR 0009). */
const reviewHints: Partial<Record<OrderStatus, string>> = {
  in_design: 'Send a proof below to ask the customer for approval.',
  awaiting_approval: 'The customer approves the proof below or asks for changes.',
};

/** The line above the seller's steps: what design review waits for, from whom. */
function reviewHint(page: OrderPage): string | undefined {
  // The customer's own design is theirs to propose, not to approve: it waits for the shop's proof (ADR 0021).
  const proposed = designAwaitingProof(page);
  if (proposed) return `The customer sent their own design as v${proposed.version}: it waits for your proof. Send it as it is, or your take on it, as a proof below for them to approve.`;
  return reviewHints[page.order.status];
}

/** How the seller's button for one step reads, and how much it stands out. */
function stepButton(page: OrderPage, step: OrderPage['allowedTransitions'][number]): { label: string; style: 'primary' | 'secondary' | 'danger' } {
  const from = page.order.status;
  if (step.to === 'cancelled') return { label: 'Cancel order', style: 'danger' };
  if (step.to === 'in_production' && step.requiresReason) return { label: 'Start production without approval', style: 'secondary' };
  // Back to design while the customer is asked: the shop takes its proof back; waiting is the expected course.
  // A design the customer sent is not the shop's to withdraw (an order left awaiting approval under one before ADR 0021).
  if (from === 'awaiting_approval' && step.to === 'in_design') return { label: designAwaitingProof(page) ? 'Return to design' : 'Withdraw the proof', style: 'secondary' };
  // Back from an approval is a step back, not the way on: it stands aside, and asks first (setsApprovalAside).
  if (setsApprovalAside(page, step.to)) return { label: 'Back to In design', style: 'secondary' };
  return { label: `Move to ${statusLabels[step.to]}`, style: step.requiresReason || step.to === 'on_hold' ? 'secondary' : 'primary' };
}

/**
 * What the customer reads about a step, written by the seller as they take it: the quote, and
 * how to follow the parcel. Optional: some sellers quote on Etsy, some parcels go untracked.
 */
const noteForCustomer: Partial<Record<OrderStatus, { label: string; hint: string }>> = {
  quoted: { label: 'Your quote (optional)', hint: 'The price, what it includes and how to pay, such as the Etsy listing made for them. The customer reads it on their order.' },
  // Without a word, a held order only tells its customer the shop "will be in touch".
  on_hold: { label: 'Note for the customer (optional)', hint: 'Why the order is paused, and when work should start again. The customer reads it on their order.' },
  shipped: { label: 'Tracking (optional)', hint: 'The carrier and the tracking number or link. The customer reads it on their order.' },
};

/**
 * Back to design from an approved order: the customer's approval is set aside, and the order
 * cannot be made until they approve a proof again. Not undone by another press, so asked first.
 */
const setsApprovalAside = (page: OrderPage, to: OrderStatus) => page.order.status === 'approved' && to === 'in_design';

/** The version the customer approved, when the order stands approved. */
const approvedVersion = (page: OrderPage) => page.designs.find((d) => d.state === 'approved')?.version;

/** Steps that open a short form before they are taken: a reason where one must be kept, a note for the customer, or what a step back undoes. */
const asksFirst = (page: OrderPage, step: OrderPage['allowedTransitions'][number]) => step.requiresReason || step.to in noteForCustomer || setsApprovalAside(page, step.to);

/** What the short form asks for before a step, and what it warns of. */
function reasonField(page: OrderPage, to: OrderStatus): { label: string; hint: string; required: boolean; missing?: string; warning?: string; keep?: string; confirm?: string } {
  const note = noteForCustomer[to];
  if (note) return { ...note, required: false };
  if (setsApprovalAside(page, to)) {
    const version = approvedVersion(page);
    return {
      label: 'Why? (optional)',
      hint: "Kept in the order's activity, which the customer reads.",
      required: false,
      warning: `Going back sets aside the customer’s approval of ${version ? `v${version}` : 'the proof'}: they must approve a proof again before you make the piece.`,
      keep: 'Keep the approval',
      confirm: 'Set the approval aside',
    };
  }
  if (to === 'cancelled') return { label: 'Why is it cancelled?', hint: "Kept in the order's activity, which the customer reads.", required: true, missing: 'Give a reason for cancelling: the customer reads it.' };
  return { label: 'Why start before the customer approved?', hint: "Kept in the order's activity, which the customer reads.", required: true, missing: 'Give a reason for starting before the customer approved.' };
}

/** The seller's buttons for the steps the order may take next, a reason asked where one is kept. */
export function NextSteps(props: { page: OrderPage; onChanged(message: string): Promise<void>; onConflict(): Promise<void> }) {
  const [askedFor, setAskedFor] = useState<OrderStatus>();
  // What was typed for each step, kept when its form is closed and opened again: a cancellation's
  // reason is not a quote, so what was typed for one step does not follow to another.
  const [drafts, setDrafts] = useState<Partial<Record<OrderStatus, string>>>({});
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The status the seller just moved the order to: nobody is emailed of it (no notifier yet), so
  // the seller is offered the customer's link to send, until the order moves again.
  const [movedTo, setMovedTo] = useState<OrderStatus>();
  const steps = props.page.allowedTransitions;
  // A step someone else's change has taken away (the order was put on hold meanwhile) closes its form.
  const reasonFor = steps.some((s) => s.to === askedFor) ? askedFor : undefined;
  const reason = (reasonFor && drafts[reasonFor]) || '';
  useLeaveGuard(Boolean(reasonFor) && reason.trim() !== '');
  const asked = reasonFor ? reasonField(props.page, reasonFor) : undefined;
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const stepButtons = useRef<HTMLDivElement>(null);
  // The step's button opened the form: typing goes on in it, for the keyboard as for the mouse.
  useEffect(() => {
    if (reasonFor) reasonInput.current?.focus();
  }, [reasonFor]);
  const openForm = (to: OrderStatus) => {
    setReasonError(undefined);
    setMovedTo(undefined);
    setAskedFor(reasonFor === to ? undefined : to);
  };
  // The form and the focused field in it go: the focus returns to the step's button, where it began.
  const closeForm = () => {
    if (!reasonFor) return;
    setAskedFor(undefined);
    setReasonError(undefined);
    stepButtons.current?.querySelector<HTMLButtonElement>(`[data-step="${reasonFor}"]`)?.focus();
  };
  const move = async (to: OrderStatus, withReason?: string) => {
    setBusy(true);
    setError(undefined);
    setMovedTo(undefined);
    try {
      await post(`/orders/${props.page.order.orderId}/transitions`, { to, version: props.page.order.version, ...(withReason ? { reason: withReason } : {}) });
      setAskedFor(undefined);
      setDrafts({});
      await props.onChanged(`Moved to ${statusLabels[to]}.`);
      setMovedTo(to);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not change the status.');
      if (e instanceof ApiError && e.status === 409) await props.onConflict();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class="card"
      aria-labelledby="steps-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && reasonFor && !e.isComposing) {
          e.preventDefault();
          closeForm();
        }
      }}
    >
      <h2 id="steps-title">Next step</h2>
      {reviewHint(props.page) ? <p class="muted">{reviewHint(props.page)}</p> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {steps.length === 0 ? <p class="muted">This order is closed.</p> : null}
      <div class="row" ref={stepButtons}>
        {steps.map((s) => {
          const button = stepButton(props.page, s);
          return (
            <Button
              key={s.to}
              type="button"
              class={`button ${button.style}`}
              data-step={s.to}
              unavailable={busy}
              aria-expanded={asksFirst(props.page, s) ? reasonFor === s.to : undefined}
              onClick={() => (asksFirst(props.page, s) ? openForm(s.to) : move(s.to))}
            >
              {button.label}
            </Button>
          );
        })}
      </div>
      {movedTo && movedTo === props.page.order.status && !reasonFor ? <TellTheCustomer orderId={props.page.order.orderId} /> : null}
      {reasonFor && asked ? (
        <form
          class="step-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // Confirm stays pressable with no reason typed: pressing it says what is missing.
            if (asked.missing && !reason.trim()) {
              setReasonError(asked.missing);
              reasonInput.current?.focus();
              return;
            }
            void move(reasonFor, reason.trim() || undefined);
          }}
        >
          {/* Said on the field too: the focus goes straight to it, past this line. */}
          {asked.warning ? (
            <p class="notice warn small" id="reason-warning">
              {asked.warning}
            </p>
          ) : null}
          <Field id="reason" label={asked.label} hint={asked.hint} required={asked.required} error={reasonError} count={{ value: reason, max: 500 }}>
            {(aria) => (
              <textarea
                {...aria}
                aria-describedby={[asked.warning ? 'reason-warning' : '', aria['aria-describedby'] ?? ''].filter(Boolean).join(' ') || undefined}
                ref={reasonInput}
                maxLength={500}
                value={reason}
                onInput={(e) => {
                  setDrafts({ ...drafts, [reasonFor]: e.currentTarget.value });
                  if (e.currentTarget.value.trim()) setReasonError(undefined);
                }}
              />
            )}
          </Field>
          <div class="row">
            <Button class="button primary" type="submit" unavailable={busy}>
              {asked.confirm ?? 'Confirm'}
            </Button>
            {/* Not "Cancel": under "Cancel order" it would read as that step, or as going ahead with it. */}
            <button type="button" class="button secondary" onClick={closeForm}>
              {reasonFor === 'cancelled' ? 'Keep the order' : (asked.keep ?? 'Close')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
