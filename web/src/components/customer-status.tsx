import { useState } from 'preact/hooks';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, post } from '../api.ts';
import { Notice } from './field.tsx';
import { journey, statusLabels, whatHappensNext } from './order-bits.tsx';
import { proofAwaitingDecision } from './proofs.tsx';

/** The customer's view of where the order stands and what happens next. */
export function CustomerStatus(props: { page: OrderPage; onChanged(message: string): Promise<void> }) {
  const o = props.page.order;
  const reached = journey.indexOf(o.status === 'on_hold' && o.heldFrom ? o.heldFrom : o.status);
  const canWithdraw = props.page.allowedTransitions.some((t) => t.to === 'cancelled');
  const [error, setError] = useState<string>();
  return (
    <section class="card" aria-labelledby="status-title">
      <h2 id="status-title">Where your order stands</h2>
      {o.status !== 'cancelled' ? (
        <ol class="steps" aria-label="Progress">
          {journey.map((status, i) => (
            <li key={status} class={i < reached ? 'done' : i === reached ? 'current' : ''} aria-current={i === reached ? 'step' : undefined}>
              {statusLabels[status]}
            </li>
          ))}
        </ol>
      ) : null}
      <p>
        <strong>{whatHappensNext[o.status]}</strong>
        {proofAwaitingDecision(props.page) ? (
          <>
            {' '}
            <a href="#decide-title">Look at the proof and decide</a>
          </>
        ) : null}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {canWithdraw ? (
        <button
          type="button"
          class="button danger"
          onClick={async () => {
            try {
              await post(`/orders/${o.orderId}/transitions`, { to: 'cancelled', version: o.version, reason: 'Withdrawn by the customer' });
              await props.onChanged('Your request was withdrawn.');
            } catch (e) {
              setError(e instanceof ApiError ? e.message : 'Could not withdraw the request.');
            }
          }}
        >
          Withdraw my request
        </button>
      ) : null}
    </section>
  );
}
