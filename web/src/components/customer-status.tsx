import { useEffect, useRef, useState } from 'preact/hooks';
import type { OrderPage } from '#shared/schemas/order.ts';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { ApiError, post } from '../api.ts';
import { Button } from './button.tsx';
import { Field, Notice } from './field.tsx';
import { statusLabels } from '#shared/schemas/order-status.ts';
import { journey, whatHappensNext } from './order-bits.tsx';
import { proofAwaitingDecision } from './proofs.tsx';
import { useLeaveGuard } from './leave-guard.ts';
import { WithLinks } from './with-links.tsx';

/** The moves of the order to `status`, the newest first. */
const movesTo = (page: OrderPage, status: OrderStatus) =>
  page.activity.filter((a) => a.type === 'status.changed' && a.data.to === status).sort((a, b) => b.at.localeCompare(a.at));

const noteOf = (move: OrderPage['activity'][number] | undefined) => (typeof move?.data.reason === 'string' ? move.data.reason : undefined);

/**
 * What the shop wrote as it moved the order to `status` (its quote, the parcel's tracking), if it
 * wrote anything: the latest such move with a note. Coming back from a hold moves there again,
 * with nothing to say.
 */
const latestNote = (page: OrderPage, status: OrderStatus) => noteOf(movesTo(page, status).find((move) => noteOf(move) !== undefined));

/** Why the order is on hold, if the shop said: the latest hold's own note only, never an earlier hold's. */
const holdNote = (page: OrderPage) => noteOf(movesTo(page, 'on_hold')[0]);

const noteCaptions: Partial<Record<OrderStatus, (shop: string) => string>> = {
  quoted: (shop) => `${shop}’s quote`,
  on_hold: (shop) => `Note from ${shop}`,
  shipped: () => 'Tracking',
};

/** Words the shop wrote to the customer, under whose they are. */
function ShopNote(props: { caption: string; text: string }) {
  return (
    <figure class="shop-note">
      <figcaption>{props.caption}</figcaption>
      <blockquote>
        <WithLinks text={props.text} />
      </blockquote>
    </figure>
  );
}

/**
 * To the latest proof, not past it: its heading at the top of the view, the proof under it, and
 * the decision after that. In place, with no history entry, so Back still leaves the page. The
 * keyboard goes on at the decision: Tab reaches its first control, past the comment tools.
 */
function lookAtTheProof(e: MouseEvent) {
  const heading = document.getElementById('latest-version');
  if (!heading) return;
  e.preventDefault();
  heading.scrollIntoView({ block: 'start' });
  (document.getElementById('decide-title') ?? heading).focus({ preventScroll: true });
}

/** The customer's view of where the order stands and what happens next. */
export function CustomerStatus(props: { page: OrderPage; onChanged(message: string): Promise<void>; onConflict(message: string): Promise<void> }) {
  const o = props.page.order;
  const reached = journey.indexOf(o.status === 'on_hold' && o.heldFrom ? o.heldFrom : o.status);
  const canWithdraw = props.page.allowedTransitions.some((t) => t.to === 'cancelled');
  const note = o.status === 'on_hold' ? holdNote(props.page) : o.status === 'quoted' || o.status === 'shipped' ? latestNote(props.page, o.status) : undefined;
  const caption = noteCaptions[o.status]?.(props.page.shop.name);
  // The price agreed stays in view once the order moves on: it is what the customer said yes to.
  const quote = o.status !== 'quoted' && o.status !== 'requested' && o.status !== 'cancelled' ? latestNote(props.page, 'quoted') : undefined;
  return (
    <section class="card" aria-labelledby="status-title">
      <h2 id="status-title">Where your order stands</h2>
      {o.status !== 'cancelled' ? (
        <ol class="steps" aria-label="Progress">
          {journey.map((status, i) => (
            <li key={status} class={i < reached ? 'done' : i === reached ? 'current' : ''} aria-current={i === reached ? 'step' : undefined}>
              {/* Done is said by a mark and in words, not by the colour alone. */}
              {i < reached ? <span aria-hidden="true">✓ </span> : null}
              {statusLabels[status]}
              {i < reached ? <span class="visually-hidden"> (done)</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <p>
        <strong>{whatHappensNext[o.status]}</strong>
        {proofAwaitingDecision(props.page) ? (
          <>
            {' '}
            <a href="#latest-version" onClick={lookAtTheProof}>
              Look at the proof and decide
            </a>
          </>
        ) : null}
      </p>
      {note && caption ? <ShopNote caption={caption} text={note} /> : null}
      {quote ? <ShopNote caption={noteCaptions.quoted!(props.page.shop.name)} text={quote} /> : null}
      {canWithdraw ? <Withdraw page={props.page} onChanged={props.onChanged} onConflict={props.onConflict} /> : null}
    </section>
  );
}

/**
 * A request the shop has not answered yet may be withdrawn. It cannot be undone, so it is asked
 * for twice, and the customer may tell the shop why (kept in the order's activity).
 */
function Withdraw(props: { page: OrderPage; onChanged(message: string): Promise<void>; onConflict(message: string): Promise<void> }) {
  const o = props.page.order;
  const [asking, setAsking] = useState(false);
  const [why, setWhy] = useState('');
  useLeaveGuard(asking && why.trim() !== '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  const whyInput = useRef<HTMLTextAreaElement>(null);
  // The toggle opened the form: the keyboard goes on in it, at its first field.
  useEffect(() => {
    if (asking) whyInput.current?.focus();
  }, [asking]);
  const keep = () => {
    setAsking(false);
    // The form and the focused button in it go: the focus returns to where the question began.
    toggle.current?.focus();
  };
  const keepOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && asking && !e.isComposing) {
      e.preventDefault();
      keep();
    }
  };
  const withdraw = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const reason = why.trim() ? `Withdrawn by the customer: ${why.trim()}` : 'Withdrawn by the customer';
      await post(`/orders/${o.orderId}/transitions`, { to: 'cancelled', version: o.version, reason });
      await props.onChanged('Your request was withdrawn.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) await props.onConflict('Your order changed while you were looking: here it is as it is now.');
      else setError(err instanceof ApiError ? err.message : 'Could not withdraw the request.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button ref={toggle} type="button" class="button danger" aria-expanded={asking} onClick={() => setAsking(!asking)} onKeyDown={keepOnEscape}>
        Withdraw my request
      </button>
      {asking ? (
        <form class="stack withdraw" onSubmit={withdraw} onKeyDown={keepOnEscape}>
          <p>The shop stops work on it. This cannot be undone: to ask again, you would send a new request.</p>
          {error ? <Notice kind="error">{error}</Notice> : null}
          <Field id="withdraw-why" label="Why? (optional)" hint="The shop reads it in the order's activity." count={{ value: why, max: 400 }}>
            {(aria) => <textarea {...aria} ref={whyInput} maxLength={400} value={why} onInput={(e) => setWhy(e.currentTarget.value)} />}
          </Field>
          <div class="row">
            <Button type="submit" class="button danger" unavailable={busy}>
              Withdraw the request
            </Button>
            <button type="button" class="button secondary" onClick={keep}>
              Keep my request
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
