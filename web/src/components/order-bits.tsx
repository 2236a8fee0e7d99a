import { statusLabels, type OrderStatus } from '#shared/schemas/order-status.ts';

/** What the customer reads under their order's status. */
export const whatHappensNext: Record<OrderStatus, string> = {
  requested: 'The shop has your request and will reply with a quote.',
  quoted: 'The shop has quoted for your piece. Once you agree it with them, they start on the design.',
  in_design: 'The shop is preparing a design proof for you.',
  awaiting_approval: 'A design proof is waiting for your approval.',
  approved: 'You approved the design. Production starts soon.',
  in_production: 'Your piece is being made.',
  shipped: 'Your piece is on its way to you.',
  completed: 'This order is complete. Enjoy it!',
  cancelled: 'This order was cancelled.',
  on_hold: 'The shop has paused this order for now and will be in touch.',
};

/** The happy path, for the customer's progress steps. */
export const journey: OrderStatus[] = ['requested', 'quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'completed'];

export function StatusBadge(props: { status: OrderStatus }) {
  return <span class={`badge status-${props.status}`}>{statusLabels[props.status]}</span>;
}

export function DueBadge(props: { state: string }) {
  if (props.state === 'overdue') return <span class="badge due-overdue">Overdue</span>;
  if (props.state === 'due_soon') return <span class="badge due-due_soon">Due soon</span>;
  return null;
}

/**
 * The due date as a customer reads it: the day the piece is to ship, without the seller's
 * overdue and due-soon flags (those sort the seller's work; a customer is not told off by them).
 */
export function shipByText(order: { status: OrderStatus; dueDate: string | null }): string | null {
  if (order.status === 'shipped' || order.status === 'completed' || order.status === 'cancelled') return null;
  return order.dueDate ? `To ship by ${formatDate(order.dueDate)}` : 'Ship date not set yet';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'No date';
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

export type OrderSummary = {
  orderId: string;
  reference: string;
  title: string;
  status: OrderStatus;
  customer: { name: string; email: string };
  dueDate: string | null;
  dueState: string;
  lastActivityAt: string;
  createdAt: string;
  shopName: string;
  personalization: string | null;
  version: number;
};

/** The id of an order's link in a list or on the board (one of them is shown at a time), for the focus to go to. */
export const orderLinkId = (orderId: string) => `order-link-${orderId}`;

export function OrderRow(props: { order: OrderSummary; showShop?: boolean }) {
  const o = props.order;
  return (
    <li>
      <a class="order-row" id={orderLinkId(o.orderId)} href={`/orders/${o.orderId}`}>
        <span class="ref">{o.reference}</span>
        <span>
          <span class="title">
            {o.title}
          </span>
          <span class="meta">
            {/* A customer's orders of the same piece are told apart by when each began. */}
            {props.showShop ? `${o.shopName} · since ${formatDate(o.createdAt)}` : `${o.customer.name} · ${o.customer.email}`}
          </span>
          {o.personalization ? <span class="meta">“{o.personalization}”</span> : null}
        </span>
        <span class="side">
          <StatusBadge status={o.status} />
          {props.showShop ? (
            <span class="muted">{shipByText(o)}</span>
          ) : (
            <span class="muted">
              {o.dueDate ? `Due ${formatDate(o.dueDate)}` : 'No due date'} <DueBadge state={o.dueState} />
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
