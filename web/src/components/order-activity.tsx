import type { OrderPage } from '#shared/schemas/order.ts';
import { statusLabels, type OrderStatus } from '#shared/schemas/order-status.ts';
import { formatDate, formatDateTime } from './order-bits.tsx';
import { WithLinks } from './with-links.tsx';

type ActivityEvent = OrderPage['activity'][number];

/** Every change to the order, newest first, in words: who, what, when. */
export function OrderActivity(props: { activity: ActivityEvent[]; /** Named where an event from the customer carries no name of its own. */ customerName: string }) {
  return (
    <section class="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <ol class="timeline">
        {props.activity.map((event) => (
          <li key={event.eventId}>
            <span>
              <WithLinks text={describeEvent(event)} />
            </span>
            <time dateTime={event.at}>
              {formatDateTime(event.at)} · {event.actor.kind === 'system' ? 'Atelier' : event.actor.kind === 'seller' ? 'Shop' : event.actor.name ?? props.customerName}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}

function describeEvent(event: ActivityEvent): string {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'order.created':
      return d.source === 'intake' ? 'Request received' : 'Order created';
    case 'status.changed':
      return `${statusLabels[d.from as OrderStatus] ?? d.from} → ${statusLabels[d.to as OrderStatus] ?? d.to}${d.reason ? ` (${String(d.reason)})` : ''}`;
    case 'order.updated':
      return Object.entries((d.changed as Record<string, { from: unknown; to: unknown }>) ?? {})
        .map(([field, change]) => describeDetailChange(field, change))
        .join('; ');
    case 'design.uploaded':
      return event.actor.kind === 'customer' ? `The customer’s own design sent as v${String(d.version)}` : `Proof v${String(d.version)} sent`;
    case 'design.decided':
      return d.decision === 'approve' ? `Proof v${String(d.version)} approved` : `Changes requested on proof v${String(d.version)}${d.beyondAllowance ? ' (past the free rounds)' : ''}`;
    case 'comment.added':
      return d.reply ? `Reply on proof v${String(d.version)}` : `${d.pinned ? 'Pinned comment' : 'Comment'} on proof v${String(d.version)}`;
    default:
      // A kind of event this portal does not know yet: say something readable, not its code.
      return 'Order updated';
  }
}

const detailLabels: Record<string, string> = { title: 'Title', dueDate: 'Due date', personalization: 'Personalisation', description: 'Notes', customerName: 'Customer name' };

/** One changed detail as people read it: what it was and what it is now (notes, which can be long, only by name). */
function describeDetailChange(field: string, change: { from: unknown; to: unknown }): string {
  const label = detailLabels[field] ?? 'A detail';
  if (field === 'description') return `${label} changed`;
  const shown = (value: unknown) => (typeof value !== 'string' || value === '' ? 'none' : field === 'dueDate' ? formatDate(value) : `“${value}”`);
  return `${label}: ${shown(change.from)} → ${shown(change.to)}`;
}
