import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { ApiError, get, post } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { statusLabels } from '#shared/schemas/order-status.ts';
import { DueBadge, OrderRow, formatDate, type OrderSummary } from '../components/order-bits.tsx';
import { useRequire } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { useFocusAfterRender } from '../components/focus-after-render.ts';

type Summary = { shop: { slug: string; name: string }; counts: Record<OrderStatus, number>; open: number; overdue: number; dueSoon: number };
type Tab = OrderStatus | 'open';
const tabs: Tab[] = ['open', 'requested', 'quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'on_hold', 'completed', 'cancelled'];
const boardColumns: OrderStatus[] = ['requested', 'quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'on_hold'];

/** The seller's desk: every custom order by status and due date, as a list or a board. */
export default function DashboardPage() {
  const seller = useRequire('seller');
  const location = useLocation();
  const q = location.query;
  const tab = (q.status as Tab) || 'open';
  const view = q.view === 'board' ? 'board' : 'list';
  const [summary, setSummary] = useState<Summary>();
  const [orders, setOrders] = useState<OrderSummary[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [search, setSearch] = useState(q.q ?? '');
  // Back and Forward bring back an earlier search: the box shows what the list was found by.
  useEffect(() => setSearch(q.q ?? ''), [q.q]);
  const [creating, setCreating] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const [loadingMore, setLoadingMore] = useState(false);

  const setQuery = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams({ ...q, ...changes } as Record<string, string>);
    for (const [k, v] of [...next]) if (!v || v === 'undefined') next.delete(k);
    location.route(`/dashboard${next.size ? `?${next}` : ''}`);
  };

  const listPath = (after?: string | null) => {
    const params = new URLSearchParams({ status: view === 'board' ? 'open' : tab, sort: q.sort || 'due', limit: view === 'board' ? '100' : '25' });
    if (q.q) params.set('q', q.q);
    if (q.dueBefore) params.set('dueBefore', q.dueBefore);
    if (after) params.set('cursor', after);
    return `/orders?${params}`;
  };

  // The data is asked for at once, beside /api/me, not after it: one round trip less before the list shows.
  // An answer that comes back after the seller moved on (another tab, a search) is dropped, not shown.
  useEffect(() => {
    let current = true;
    setOrders(undefined);
    setError(undefined);
    Promise.all([get<Summary>('/shop/summary'), get<{ items: OrderSummary[]; nextCursor: string | null }>(listPath())])
      .then(([s, page]) => {
        if (!current) return;
        setSummary(s);
        setOrders(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e) => {
        // Not signed in, or not a seller: useRequire is sending the person elsewhere.
        if (current && !(e instanceof ApiError && (e.status === 401 || e.status === 403))) setError(e instanceof ApiError ? e.message : 'Could not load your orders.');
      });
    return () => {
      current = false;
    };
  }, [location.url]);

  const loadMore = async () => {
    const asked = location.url;
    setError(undefined);
    setLoadingMore(true);
    try {
      const page = await get<{ items: OrderSummary[]; nextCursor: string | null }>(listPath(cursor));
      if (asked !== window.location.pathname + window.location.search) return;
      setOrders((shown) => [...(shown ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load more orders.');
    } finally {
      setLoadingMore(false);
    }
  };

  if (!seller) return <Layout signedIn><Loading /></Layout>;
  const count = (t: Tab) => (t === 'open' ? summary?.open : summary?.counts[t]);

  return (
    <Layout signedIn>
      <div class="page-head">
        <div>
          <h1>Orders</h1>
          {/* Its room is kept while the counts load, so the page below does not move. */}
          <p class="muted small summary-line">
            {summary ? (
              <>
                {summary.open} open · <strong class={summary.overdue ? 'badge due-overdue' : ''}>{summary.overdue} overdue</strong> · {summary.dueSoon} due in the next days ·
                customers ask for pieces at <a href={`/s/${summary.shop.slug}`}>/s/{summary.shop.slug}</a>
              </>
            ) : null}
          </p>
        </div>
        <div class="row">
          <button class="button secondary" type="button" aria-pressed={view === 'board'} onClick={() => setQuery({ view: view === 'board' ? undefined : 'board' })}>
            {view === 'board' ? 'List view' : 'Board view'}
          </button>
          <button id="new-order" class="button primary" type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>
            New order
          </button>
        </div>
      </div>

      {creating ? (
        <NewOrderForm
          onCancel={() => {
            // The form and its Cancel go: the keyboard goes back to the button that opened it.
            setCreating(false);
            focusAfterRender('new-order');
          }}
          onCreated={(id) => location.route(`/orders/${id}`)}
        />
      ) : null}

      {view === 'list' ? (
        // The tabs pattern: Tab enters at the chosen status and leaves for the search; the arrow keys, Home and End choose another.
        <div
          class="tabs"
          role="tablist"
          aria-label="Orders by status"
          onKeyDown={(e) => {
            const at = tabs.indexOf(tab);
            const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
            if (to === undefined) return;
            e.preventDefault();
            const next = tabs[(to + tabs.length) % tabs.length]!;
            (e.currentTarget.querySelector(`[data-tab="${next}"]`) as HTMLElement | null)?.focus();
            setQuery({ status: next === 'open' ? undefined : next });
          }}
        >
          {tabs.map((t) => (
            <button key={t} data-tab={t} role="tab" type="button" aria-selected={tab === t} tabIndex={tab === t ? 0 : -1} onClick={() => setQuery({ status: t === 'open' ? undefined : t })}>
              {t === 'open' ? 'All open' : statusLabels[t]}
              <span class="count">{count(t) ?? '–'}</span>
            </button>
          ))}
        </div>
      ) : null}

      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: search.trim() || undefined });
        }}
      >
        <div class="grow">
          <Field id="search" label="Search" hint="Reference, customer, title or the text on the piece">
            {(aria) => <input {...aria} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />}
          </Field>
        </div>
        <Field id="due-before" label="Due before">
          {(aria) => <input {...aria} type="date" value={q.dueBefore ?? ''} onChange={(e) => setQuery({ dueBefore: e.currentTarget.value || undefined })} />}
        </Field>
        <Field id="sort" label="Sort by">
          {(aria) => (
            <select {...aria} value={q.sort || 'due'} onChange={(e) => setQuery({ sort: e.currentTarget.value === 'due' ? undefined : e.currentTarget.value })}>
              <option value="due">Due date</option>
              <option value="activity">Latest activity</option>
            </select>
          )}
        </Field>
        <button class="button secondary" type="submit">
          Search
        </button>
      </form>

      {error ? <Notice kind="error">{error}</Notice> : null}
      {/* Keyed: a new line, not the page's first "Loading…" moved down (a layout shift). */}
      {!orders && !error ? <Loading key="orders" label="Loading orders…" /> : null}
      {orders && orders.length === 0 ? (
        <div class="card empty">
          <h2>No orders here</h2>
          <p>{q.q || q.dueBefore ? 'Nothing matches this search.' : 'New custom requests from your request page appear here.'}</p>
        </div>
      ) : null}
      {orders && orders.length > 0 && view === 'list' ? (
        <>
          <ul class="order-list" aria-label="Orders">
            {orders.map((o) => (
              <OrderRow key={o.orderId} order={o} />
            ))}
          </ul>
        </>
      ) : null}
      {orders && orders.length > 0 && view === 'board' ? (
        <div class="board" aria-label="Open orders by status">
          {boardColumns.map((status) => {
            const column = orders.filter((o) => o.status === status);
            return (
              <section key={status} aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  <span>{statusLabels[status]}</span> <span class="muted">{column.length}</span>
                </h2>
                {column.map((o) => (
                  <a key={o.orderId} class="card" href={`/orders/${o.orderId}`}>
                    <strong>{o.title}</strong>
                    <span class="muted small" style={{ display: 'block' }}>
                      {o.reference} · {o.customer.name}
                    </span>
                    {o.personalization ? <span class="muted small pers">“{o.personalization}”</span> : null}
                    <span class="small row">
                      {formatDate(o.dueDate)} <DueBadge state={o.dueState} />
                    </span>
                  </a>
                ))}
              </section>
            );
          })}
        </div>
      ) : null}
      {/* The board asks for 100 at a time; a busier shop than that pages it like the list. */}
      {orders && cursor ? (
        <p class="row" style={{ justifyContent: 'center', marginTop: '16px' }}>
          {/* One page at a time: a second tap while the first is on its way would add the same orders twice. */}
          <Button class="button secondary" type="button" onClick={loadMore} unavailable={loadingMore}>
            Show more
          </Button>
        </p>
      ) : null}
    </Layout>
  );
}

function NewOrderForm(props: { onCancel(): void; onCreated(orderId: string): void }) {
  const [values, setValues] = useState({ title: '', name: '', email: '', dueDate: '', personalization: '' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The form stays open across the dashboard's tabs and searches: only leaving the dashboard loses it.
  useLeaveGuard(Object.values(values).some((value) => value.trim() !== ''), 'path');
  const set = (key: keyof typeof values) => (e: Event) => setValues({ ...values, [key]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const order = await post<{ orderId: string }>('/orders', {
        title: values.title,
        customer: { name: values.name, email: values.email },
        ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        ...(values.personalization.trim() ? { personalization: values.personalization } : {}),
      });
      props.onCreated(order.orderId);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not create the order.');
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} style={{ marginBottom: '24px' }} aria-labelledby="new-order-title">
      <h2 id="new-order-title">New order</h2>
      <p class="muted small">For a request that reached you another way, such as Etsy Messages.</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Field id="new-title" label="What is it?" required>
        {(aria) => <input {...aria} type="text" maxLength={140} value={values.title} onInput={set('title')} />}
      </Field>
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 200px' }}>
          <Field id="new-name" label="Customer name" required>
            {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={120} value={values.name} onInput={set('name')} />}
          </Field>
        </div>
        <div style={{ flex: '1 1 200px' }}>
          <Field id="new-email" label="Customer email" required>
            {(aria) => <input {...aria} type="email" autoComplete="off" value={values.email} onInput={set('email')} />}
          </Field>
        </div>
        <div style={{ flex: '0 1 180px' }}>
          <Field id="new-due" label="Due date">
            {(aria) => <input {...aria} type="date" value={values.dueDate} onInput={set('dueDate')} />}
          </Field>
        </div>
      </div>
      <Field id="new-personalization" label="Personalisation" hint={`The exact text for the piece, if there is one · ${[...values.personalization].length} characters`}>
        {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={personalizationMaxLength} value={values.personalization} onInput={set('personalization')} />}
      </Field>
      <div class="row">
        <Button class="button primary" type="submit" unavailable={busy}>
          Create order
        </Button>
        <button class="button ghost" type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

