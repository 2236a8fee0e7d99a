import type { OrderPage } from '#shared/schemas/order.ts';
import { statusLabels, type OrderStatus } from '#shared/schemas/order-status.ts';
import { formatDate, formatDateTime } from './order-bits.tsx';
import { WithLinks } from './with-links.tsx';
import { useSession } from '../session.tsx';

type ActivityEvent = OrderPage['activity'][number];
type Viewer = OrderPage['viewer'];

/** Every change to the order, newest first, in words: who, what, when. */
export function OrderActivity(props: { activity: ActivityEvent[]; /** Named where an event from the customer carries no name of its own. */ customerName: string }) {
  // The customer reads their own steps as theirs ("You sent…"); the shop reads them in the third person.
  const viewer: Viewer = useSession().me?.kind === 'customer' ? 'customer' : 'seller';
  return (
    <section class="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <ol class="timeline">
        {props.activity.map((event) => (
          <li key={event.eventId}>
            <span>
              <WithLinks text={describeEvent(event, viewer)} />
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

/** The reason the customer's own withdrawal is recorded with, then what they wrote, if anything. */
const withdrawal = /^Withdrawn by the customer(?:: ([\s\S]*))?$/;

/** A status change in words: "Moved from Requested to Quoted", with the reason given, if any. */
function describeStatusChange(event: ActivityEvent, viewer: Viewer): string {
  const d = event.data as Record<string, unknown>;
  const reason = typeof d.reason === 'string' && d.reason.trim() ? d.reason.trim() : undefined;
  const withdrawn = event.actor.kind === 'customer' && d.to === 'cancelled' ? withdrawal.exec(reason ?? 'Withdrawn by the customer') : null;
  if (withdrawn) {
    const said = withdrawn[1]?.trim();
    const who = viewer === 'customer' ? 'You withdrew your request' : 'The customer withdrew their request';
    return said ? `${who}: ${said}` : who;
  }
  const label = (status: unknown) => statusLabels[status as OrderStatus] ?? String(status);
  return `Moved from ${label(d.from)} to ${label(d.to)}${reason ? ` (${reason})` : ''}`;
}

function describeEvent(event: ActivityEvent, viewer: Viewer): string {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'order.created':
      return d.source === 'intake' ? 'Request received' : 'Order created';
    case 'status.changed':
      return describeStatusChange(event, viewer);
    case 'order.updated':
      return Object.entries((d.changed as Record<string, { from: unknown; to: unknown }>) ?? {})
        .map(([field, change]) => describeDetailChange(field, change))
        .join('; ');
    case 'design.uploaded':
      if (event.actor.kind !== 'customer') return `Proof v${String(d.version)} sent`;
      return viewer === 'customer' ? `You sent your own design as v${String(d.version)}` : `The customer sent their own design as v${String(d.version)}`;
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
  const shown = (value: unknown) => (typeof value !== 'string' || value === '' ? undefined : field === 'dueDate' ? formatDate(value) : `“${value}”`);
  const [from, to] = [shown(change.from), shown(change.to)];
  if (!from) return `${label} set to ${to ?? 'none'}`;
  if (!to) return `${label} removed (it was ${from})`;
  return `${label} changed from ${from} to ${to}`;
}
