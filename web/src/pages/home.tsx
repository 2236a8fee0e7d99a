import { useEffect, useState } from 'preact/hooks';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import { ApiError, get } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { OrderRow, type OrderSummary } from '../components/order-bits.tsx';
import { isOpen } from '#shared/domain/orders/lifecycle.ts';
import { useRequire } from '../session.tsx';

/** Newest activity first. */
const byActivity = (a: OrderSummary, b: OrderSummary) => b.lastActivityAt.localeCompare(a.lastActivityAt);

/**
 * The customer's home: every order under their email, from every shop, each shown once. Proofs
 * waiting for their decision first, then the other orders still under way, then the finished
 * ones (completed or cancelled), each newest activity first.
 */
export default function HomePage() {
  const customer = useRequire('customer');
  const [orders, setOrders] = useState<OrderSummary[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const load = async (after?: string | null) => {
    const page = await get<{ items: OrderSummary[]; nextCursor: string | null }>(`/orders?limit=25&today=${localIsoToday()}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
    setOrders((current) => [...(after ? (current ?? []) : []), ...page.items]);
    setCursor(page.nextCursor);
  };
  const loadMore = async () => {
    setLoadingMore(true);
    setError(undefined);
    try {
      await load(cursor);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load more of your orders.');
    } finally {
      setLoadingMore(false);
    }
  };
  useEffect(() => {
    load().catch((e) => {
      if (!(e instanceof ApiError && e.status === 401)) setError(e instanceof ApiError ? e.message : 'Could not load your orders.');
    });
  }, []);
  if (!customer) return <Layout signedIn><Loading /></Layout>;
  const waiting = orders?.filter((o) => o.status === 'awaiting_approval') ?? [];
  // Ordered here, not by the server: a later page may bring an order under way, and it joins the others.
  // An order waiting for a decision is in the section above, not again below it: one order listed twice reads as two.
  const active = orders?.filter((o) => isOpen(o.status) && o.status !== 'awaiting_approval').sort(byActivity) ?? [];
  const finished = orders?.filter((o) => !isOpen(o.status)).sort(byActivity) ?? [];
  return (
    <Layout signedIn>
      <div class="page-head">
        <div>
          <h1>Your orders</h1>
          <p class="muted small" style={{ margin: 0 }}>
            Every order placed with {customer.email}, from every shop.
          </p>
        </div>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {!orders && !error ? <Loading label="Loading your orders…" /> : null}
      {orders?.length === 0 ? (
        <div class="card empty">
          <h2>No orders yet</h2>
          <p>When you ask a shop for a custom piece, it appears here.</p>
        </div>
      ) : null}
      {waiting.length > 0 ? (
        <section class="card waiting" aria-labelledby="waiting-title">
          <h2 id="waiting-title">Waiting for your decision</h2>
          {/* Only the shop’s proof waits for the customer: their own design moves the order to In design (ADR 0021). */}
          <p class="muted small">
            {waiting.length === 1
              ? 'A design is waiting for you to approve it or ask for changes: open the order to look at it.'
              : 'Each of these orders has a design waiting for you to approve it or ask for changes: open one to look at it.'}
          </p>
          <OrderList orders={waiting} labelledBy="waiting-title" />
        </section>
      ) : null}
      {active.length > 0 ? (
        <section aria-labelledby="active-title">
          <h2 id="active-title">{waiting.length > 0 ? 'Other orders under way' : 'Under way'}</h2>
          <OrderList orders={active} label="Your orders under way" />
        </section>
      ) : null}
      {finished.length > 0 ? (
        <section class="finished-orders" aria-labelledby="finished-title" style={{ marginTop: 'var(--space-5)' }}>
          <h2 id="finished-title">Finished orders</h2>
          <OrderList orders={finished} labelledBy="finished-title" />
        </section>
      ) : null}
      {cursor ? (
        <p class="row" style={{ justifyContent: 'center', marginTop: '16px' }}>
          <Button class="button secondary" type="button" onClick={loadMore} unavailable={loadingMore}>
            Show more
          </Button>
        </p>
      ) : null}
    </Layout>
  );
}

/** A customer's orders as rows, each naming its shop. */
function OrderList(props: { orders: OrderSummary[]; label?: string; labelledBy?: string }) {
  return (
    <ul class="order-list" aria-label={props.label} aria-labelledby={props.labelledBy}>
      {props.orders.map((o) => (
        <OrderRow key={o.orderId} order={o} showShop />
      ))}
    </ul>
  );
}
