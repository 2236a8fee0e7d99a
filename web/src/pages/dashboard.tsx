import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { ApiError, get, post } from '../api.ts';
import { Button } from '../components/button.tsx';
import { Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { statusLabels } from '#shared/schemas/order-status.ts';
import { DueBadge, OrderRow, formatDate, orderLinkId, type OrderSummary } from '../components/order-bits.tsx';
import { useRequire } from '../session.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { useFocusAfterRender } from '../components/focus-after-render.ts';
import { keepPlace, keptPlace, noteDashboardList, noteOpenedOrder, type DashboardPlace } from '../components/dashboard-place.ts';
import { dueDateProblem, dueDateRange, pastDueNote } from '#shared/domain/orders/due-date.ts';
import { dueSoonDays, isoToday } from '#shared/domain/orders/order-views.ts';
import { visibleLengthInWords } from '#shared/text/visible-length.ts';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import { searchMaxLength } from '#shared/text/search-text.ts';
import { RequestPageLink } from '../components/request-page-link.tsx';

type Summary = { shop: { slug: string; name: string }; counts: Record<OrderStatus, number>; open: number; overdue: number; dueSoon: number };
type Tab = OrderStatus | 'open';
type OrderPage = { items: OrderSummary[]; nextCursor: string | null };
const orderLinkPrefix = orderLinkId('');
const tabs: Tab[] = ['open', 'requested', 'quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'on_hold', 'completed', 'cancelled'];
const boardColumns: OrderStatus[] = ['requested', 'quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'on_hold'];

/** The API's words when it refused the search itself (too long), rather than the whole list. */
function searchRefusal(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return undefined;
  return (error.details as Array<{ path?: string; message?: string }>).find((issue) => issue.path === 'q')?.message;
}

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
  /** Why the search in the address was refused: the list is then shown without it. */
  const [searchError, setSearchError] = useState<string>();
  // Back and Forward bring back an earlier search: the box shows what the list was found by.
  useEffect(() => setSearch(q.q ?? ''), [q.q]);
  const [creating, setCreating] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const [loadingMore, setLoadingMore] = useState(false);
  /** How many pages of the list are shown, for Back to show as many again. */
  const pagesShown = useRef(1);
  /** The place to go back to once the list it was kept with is drawn again. */
  const returningTo = useRef<DashboardPlace>();
  const setQuery = (changes: Record<string, string | undefined>) => {
    keepPlace({ scrollY: window.scrollY, orderId: undefined });
    const next = new URLSearchParams({ ...q, ...changes } as Record<string, string>);
    for (const [k, v] of [...next]) if (!v || v === 'undefined') next.delete(k);
    location.route(`/dashboard${next.size ? `?${next}` : ''}`);
  };

  const listPath = (after?: string | null, searched = true) => {
    const params = new URLSearchParams({ status: view === 'board' ? 'open' : tab, sort: q.sort || 'due', limit: view === 'board' ? '100' : '25', today: localIsoToday() });
    if (q.q && searched) params.set('q', q.q);
    if (q.dueBefore) params.set('dueBefore', q.dueBefore);
    if (after) params.set('cursor', after);
    return `/orders?${params}`;
  };

  /**
   * The first `wanted` pages of the list, one after another: back on the dashboard, as many as the
   * seller had shown. A later page that fails is left to "Show more", not an error over the rest.
   */
  const getPages = async (wanted: number, stillWanted: () => boolean, searched = true) => {
    const first = await get<OrderPage>(listPath(undefined, searched));
    const items = [...first.items];
    let nextCursor = first.nextCursor;
    let count = 1;
    while (count < wanted && nextCursor && stillWanted()) {
      try {
        const page = await get<OrderPage>(listPath(nextCursor, searched));
        items.push(...page.items);
        nextCursor = page.nextCursor;
        count++;
      } catch {
        break;
      }
    }
    return { items, nextCursor, count };
  };

  // A search the API refuses (one too long, from an old link) is said by the box; the list stays, without it.
  const getPagesOrUnsearched = (wanted: number, stillWanted: () => boolean) =>
    getPages(wanted, stillWanted).then(
      (pages) => ({ ...pages, searchError: undefined }),
      async (e) => {
        const refused = searchRefusal(e);
        if (!refused) throw e;
        return { ...(await getPages(wanted, stillWanted, false)), searchError: `${refused} The orders below are not searched.` };
      },
    );
  /** The address whose list is shown, once its first load has come: only that list is fetched again. */
  const listShownFor = useRef<string>();
  /** Counts the lists fetched whole: a page "Show more" asked for before one is not added to it. */
  const listFetches = useRef(0);

  // The data is asked for at once, beside /api/me, not after it: one round trip less before the list shows.
  // An answer that comes back after the seller moved on (another tab, a search) is dropped, not shown.
  // Back to this list (or a reload of it) shows again the pages the seller had, where they were.
  useEffect(() => {
    let current = true;
    const url = location.url;
    const place = keptPlace();
    noteDashboardList();
    listShownFor.current = undefined;
    listFetches.current++;
    setOrders(undefined);
    setError(undefined);
    setSearchError(undefined);
    Promise.all([get<Summary>(`/shop/summary?today=${localIsoToday()}`), getPagesOrUnsearched(place?.pages ?? 1, () => current)])
      .then(([s, pages]) => {
        if (!current) return;
        listShownFor.current = url;
        setSummary(s);
        setSearchError(pages.searchError);
        pagesShown.current = pages.count;
        returningTo.current = place;
        // Only an order still in this list: a request left waiting would take the focus when it turns up later.
        if (place?.orderId && pages.items.some((o) => o.orderId === place.orderId)) focusAfterRender(orderLinkId(place.orderId));
        setOrders(pages.items);
        setCursor(pages.nextCursor);
      })
      .catch((e) => {
        // Not signed in, or not a seller: useRequire is sending the person elsewhere.
        if (current && !(e instanceof ApiError && (e.status === 401 || e.status === 403))) setError(e instanceof ApiError ? e.message : 'Could not load your orders.');
      });
    return () => {
      current = false;
    };
  }, [location.url]);

  // Back to a dashboard left open in another tab: orders may have been made or moved meanwhile.
  // The counts and the pages shown are fetched again and swapped in place: no "Loading", and the
  // search, filters, view, scroll and focus stay as they were.
  useEffect(() => {
    let current = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible' || listShownFor.current !== location.url) return;
      const fetch = ++listFetches.current;
      const stillWanted = () => current && fetch === listFetches.current;
      Promise.all([get<Summary>(`/shop/summary?today=${localIsoToday()}`), getPagesOrUnsearched(pagesShown.current, stillWanted)]).then(
        ([s, pages]) => {
          if (!stillWanted()) return;
          setSummary(s);
          setSearchError(pages.searchError);
          pagesShown.current = pages.count;
          setOrders(pages.items);
          setCursor(pages.nextCursor);
        },
        // What was shown stays: the next return to the tab tries again.
        () => undefined,
      );
    };
    document.addEventListener('visibilitychange', refresh);
    return () => {
      current = false;
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [location.url]);

  const loadMore = async () => {
    const asked = location.url;
    const fetched = listFetches.current;
    setError(undefined);
    setLoadingMore(true);
    try {
      const page = await get<{ items: OrderSummary[]; nextCursor: string | null }>(listPath(cursor, !searchError));
      if (asked !== window.location.pathname + window.location.search || fetched !== listFetches.current) return;
      // The button goes with the last page: the keyboard carries on at the first order it brought.
      if (page.items[0]) focusAfterRender(orderLinkId(page.items[0].orderId));
      setOrders((shown) => [...(shown ?? []), ...page.items]);
      setCursor(page.nextCursor);
      pagesShown.current++;
      keepPlace({ pages: pagesShown.current });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load more orders.');
    } finally {
      setLoadingMore(false);
    }
  };

  // Drawn again after Back: as far down as the seller was, and the order they opened in sight
  // (the same place may not show it when orders have moved meanwhile). Run after the focus went to it.
  useLayoutEffect(() => {
    const place = returningTo.current;
    if (!place || !orders) return;
    returningTo.current = undefined;
    if (place.scrollY !== undefined) window.scrollTo(0, place.scrollY);
    const opened = place.orderId ? document.getElementById(orderLinkId(place.orderId)) : null;
    const box = opened?.getBoundingClientRect();
    if (opened && box && (box.top < 0 || box.bottom > window.innerHeight)) opened.scrollIntoView({ block: 'center' });
  }, [orders]);

  // Leaving by a link (an order, the menu) or a reload notes how far down the page was, and which order was opened.
  useEffect(() => {
    const keepWhereLeft = (event: Event) => {
      const link = event.type === 'click' ? (event.target as Element | null)?.closest?.('a[href]') : null;
      if (event.type === 'click' && !link) return;
      const orderId = link?.id.startsWith(orderLinkPrefix) ? link.id.slice(orderLinkPrefix.length) : undefined;
      keepPlace({ scrollY: window.scrollY, orderId });
      // Opened in this tab (a plain click): the order page's "All orders" can then go Back here.
      const click = event as MouseEvent;
      if (orderId && link instanceof HTMLAnchorElement && click.button === 0 && !click.ctrlKey && !click.metaKey && !click.shiftKey && !click.altKey) noteOpenedOrder(link.pathname);
    };
    // Captured, so it is noted before the router has moved on to the next page's history entry.
    addEventListener('click', keepWhereLeft, true);
    addEventListener('pagehide', keepWhereLeft);
    return () => {
      removeEventListener('click', keepWhereLeft, true);
      removeEventListener('pagehide', keepWhereLeft);
    };
  }, []);

  // On a desktop the board is as tall as the window below its top (its columns scroll each on their
  // own): its sideways scrollbar is on the screen, not under the longest column. Its top moves when
  // what is above it does (the counts, the new order form).
  const board = useRef<HTMLDivElement>(null);
  const boardShown = view === 'board' && !!orders?.length;
  useLayoutEffect(() => {
    const shown = board.current;
    if (!boardShown || !shown) return;
    const place = () => shown.style.setProperty('--board-top', `${Math.round(shown.getBoundingClientRect().top + window.scrollY)}px`);
    place();
    const watcher = new ResizeObserver(place);
    watcher.observe(document.body);
    return () => watcher.disconnect();
  }, [boardShown]);

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
                {summary.open} open · <strong class={summary.overdue ? 'badge due-overdue' : ''}>{summary.overdue} overdue</strong> · {summary.dueSoon} due in the next{' '}
                {dueSoonDays} days
              </>
            ) : null}
          </p>
          <p class="muted small request-line">{summary ? <>Customers ask for pieces at <RequestPageLink slug={summary.shop.slug} /></> : null}</p>
        </div>
        <div class="row">
          {/* Its name says the view it opens, so it is no toggle: a pressed "List view" would be heard as the list shown. */}
          <button class="button secondary" type="button" onClick={() => setQuery({ view: view === 'board' ? undefined : 'board' })}>
            {view === 'board' ? 'List view' : 'Board view'}
          </button>
          {/* It opens the form, or takes the keyboard back to it once open: a second press (a double-click) never closes it. */}
          <button
            id="new-order"
            class="button primary"
            type="button"
            onClick={() => {
              if (creating) return document.getElementById('new-title')?.focus();
              setCreating(true);
              focusAfterRender('new-title');
            }}
          >
            New order
          </button>
        </div>
      </div>

      {creating ? (
        <NewOrderForm
          onClose={() => {
            // The form and its Cancel go: the keyboard goes back to the button that opened it.
            setCreating(false);
            focusAfterRender('new-order');
          }}
          onCreated={(order) => {
            location.route(`/orders/${order.orderId}`);
            // No email goes to the customer of an order made by hand: the seller is told how they reach it.
            // The address the emails give as signInPageOf, whose module would bring the email renderer into this page.
            const signInPage = new URL('/sign-in', window.location.origin).toString();
            announceOnArrival(`Order ${order.reference} created. No email was sent to ${order.customer.name}: they can follow it by signing in at ${signInPage} with ${order.customer.email}.`);
          }}
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

      {/* On a phone the eleven tabs would take five lines above the list: there they are this one
          select instead (the CSS shows one or the other), each status with its count. */}
      {view === 'list' ? (
        <div class="status-pick">
          <Field id="status-pick" label="Status">
            {(aria) => (
              <select {...aria} value={tab} onChange={(e) => setQuery({ status: e.currentTarget.value === 'open' ? undefined : e.currentTarget.value })}>
                {tabs.map((t) => (
                  <option key={t} value={t}>
                    {t === 'open' ? 'All open' : statusLabels[t]} ({count(t) ?? '–'})
                  </option>
                ))}
              </select>
            )}
          </Field>
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
          <Field id="search" label="Search" hint="Reference, customer, title or the text on the piece" error={searchError} count={{ value: search, max: searchMaxLength }}>
            {(aria) => <input {...aria} type="search" maxLength={searchMaxLength} value={search} onInput={(e) => setSearch(e.currentTarget.value)} />}
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
          <p>{(q.q && !searchError) || q.dueBefore ? 'Nothing matches this search.' : 'New custom requests from your request page appear here.'}</p>
        </div>
      ) : null}
      {orders && orders.length > 0 && ((q.q && !searchError) || q.dueBefore) ? (
        // The tabs' and the summary's counts are the whole shop's: a searched or filtered list says how many of them it shows.
        <p class="muted small list-count">
          {listCountText({
            shown: orders.length,
            more: cursor !== null,
            total: count(view === 'board' ? 'open' : tab),
            tab: view === 'board' ? 'open' : tab,
            search: searchError ? undefined : q.q,
            dueBefore: q.dueBefore,
          })}
        </p>
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
        <div class="board" ref={board} aria-label="Open orders by status">
          {boardColumns.map((status) => {
            const column = orders.filter((o) => o.status === status);
            return (
              <section key={status} aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  <span>{statusLabels[status]}</span> <span class="muted">{column.length}</span>
                </h2>
                {column.map((o) => (
                  <a key={o.orderId} class="card" id={orderLinkId(o.orderId)} href={`/orders/${o.orderId}`}>
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

/**
 * How many of the shop's orders a searched or filtered list holds: "5 of the 12 open orders are due
 * before 10 Dec 2026." With more pages to come, the list's length is not the number found.
 */
function listCountText(list: { shown: number; more: boolean; total: number | undefined; tab: Tab; search?: string | undefined; dueBefore?: string | undefined }): string {
  const which = list.tab === 'open' ? 'open orders' : `orders ${statusLabels[list.tab].toLowerCase()}`;
  const one = list.shown === 1 && !list.more;
  const conditions = [
    list.search ? `${one ? 'matches' : 'match'} “${list.search}”` : '',
    list.dueBefore ? `${one ? 'is' : 'are'} due before ${formatDate(list.dueBefore)}` : '',
  ].filter(Boolean);
  if (list.more) return `The first ${list.shown} of the ${which} that ${conditions.join(' and ')}${list.total === undefined ? '' : `; the shop has ${list.total} ${which} in all`}.`;
  return list.total === undefined ? `${list.shown} ${which} ${conditions.join(' and ')}.` : `${list.shown} of the ${list.total} ${which} ${conditions.join(' and ')}.`;
}

/** What the order page says once on arrival: it takes it from the history entry it opens on. */
function announceOnArrival(text: string) {
  const state: unknown = history.state;
  history.replaceState({ ...(state && typeof state === 'object' ? state : {}), announcement: { kind: 'success', text } }, '');
}

type NewOrderValues = { title: string; name: string; email: string; dueDate: string; personalization: string };
type NewOrderErrors = Partial<Record<keyof NewOrderValues, string>>;
/** Each field of the form, in the order it is on the screen, and where the API names it. */
const newOrderFields: Array<[keyof NewOrderValues, string, string]> = [
  ['title', 'new-title', 'title'],
  ['name', 'new-name', 'customer.name'],
  ['email', 'new-email', 'customer.email'],
  ['dueDate', 'new-due', 'dueDate'],
  ['personalization', 'new-personalization', 'personalization'],
];

/** What is missing before the order is sent; the server checks it all again, and says what else is wrong. */
function checkNewOrder(values: NewOrderValues, today: string): NewOrderErrors {
  const errors: NewOrderErrors = {};
  if (!values.title.trim()) errors.title = 'An order needs a title.';
  if (!values.name.trim()) errors.name = 'Enter the customer’s name.';
  if (!values.email.trim()) errors.email = 'Enter the customer’s email.';
  const dueProblem = values.dueDate ? dueDateProblem(values.dueDate, today) : undefined;
  if (dueProblem) errors.dueDate = dueProblem;
  return errors;
}

type CreatedOrder = { orderId: string; reference: string; customer: { name: string; email: string } };

function NewOrderForm(props: { onClose(): void; onCreated(order: CreatedOrder): void }) {
  const [values, setValues] = useState<NewOrderValues>({ title: '', name: '', email: '', dueDate: '', personalization: '' });
  const [errors, setErrors] = useState<NewOrderErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const today = isoToday(new Date());
  const dueRange = dueDateRange(today);
  // The form stays open across the dashboard's tabs and searches: only leaving the dashboard loses it.
  const typed = Object.values(values).some((value) => value.trim() !== '');
  useLeaveGuard(typed, 'path');
  // Cancel and Escape close it; what was typed goes only once the seller says so.
  const close = () => {
    if (!typed || confirm('Discard this new order? What you typed in it has not been saved.')) props.onClose();
  };
  const set = (key: keyof NewOrderValues) => (e: Event) => {
    setValues({ ...values, [key]: (e.currentTarget as HTMLInputElement).value });
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };
  // On a phone the form is taller than the screen: the first field to fix is brought into view
  // with its message under it, and takes the keyboard.
  const showErrors = (found: NewOrderErrors) => {
    setErrors(found);
    const first = newOrderFields.find(([key]) => found[key]);
    const input = first && document.getElementById(first[1]);
    input?.focus({ preventScroll: true });
    input?.scrollIntoView({ block: 'center' });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const found = checkNewOrder(values, today);
    if (Object.keys(found).length > 0) return showErrors(found);
    setBusy(true);
    try {
      const order = await post<CreatedOrder>('/orders', {
        title: values.title,
        customer: { name: values.name, email: values.email },
        ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        ...(values.personalization.trim() ? { personalization: values.personalization } : {}),
      });
      props.onCreated(order);
    } catch (err) {
      setBusy(false);
      // A refusal that names a field is shown beside it; the API's message for one field is already in words.
      const issues = err instanceof ApiError && Array.isArray(err.details) ? (err.details as Array<{ path?: string; message?: string }>) : [];
      const byField: NewOrderErrors = {};
      for (const [key, , path] of newOrderFields) {
        const issue = issues.find((i) => i.path === path);
        if (issue?.message) byField[key] = issue.message;
      }
      if (Object.keys(byField).length > 0) return showErrors(byField);
      setError(err instanceof ApiError ? err.message : 'Could not create the order.');
    }
  };
  return (
    <form
      class="card"
      onSubmit={submit}
      noValidate
      style={{ marginBottom: '24px' }}
      aria-labelledby="new-order-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.preventDefault();
          close();
        }
      }}
    >
      <h2 id="new-order-title">New order</h2>
      <p class="muted small">For a request that reached you another way, such as Etsy Messages.</p>
      <Field id="new-title" label="Title" hint="What the piece is, as you and the customer call it" required error={errors.title} count={{ value: values.title, max: 140 }}>
        {(aria) => <input {...aria} type="text" maxLength={140} value={values.title} onInput={set('title')} />}
      </Field>
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 200px' }}>
          <Field id="new-name" label="Customer name" required error={errors.name} count={{ value: values.name, max: 120 }}>
            {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={120} value={values.name} onInput={set('name')} />}
          </Field>
        </div>
        <div style={{ flex: '1 1 200px' }}>
          <Field id="new-email" label="Customer email" required error={errors.email} count={{ value: values.email, max: 254 }}>
            {(aria) => <input {...aria} type="email" autoComplete="off" maxLength={254} value={values.email} onInput={set('email')} />}
          </Field>
        </div>
        <div style={{ flex: '0 1 180px' }}>
          {/* A date refused is said by its error alone: "will show as overdue" would promise an order that cannot be made. */}
          <Field id="new-due" label="Due date" hint={errors.dueDate || dueDateProblem(values.dueDate, today) ? undefined : pastDueNote(values.dueDate, localIsoToday())} error={errors.dueDate}>
            {(aria) => <input {...aria} type="date" min={dueRange.min} max={dueRange.max} value={values.dueDate} onInput={set('dueDate')} />}
          </Field>
        </div>
      </div>
      <Field
        id="new-personalization"
        label="Personalisation"
        error={errors.personalization}
        hint={values.personalization ? `The exact text for the piece, if there is one · ${visibleLengthInWords(values.personalization)}` : 'The exact text for the piece, if there is one'}
        count={{ value: values.personalization, max: personalizationMaxLength }}
      >
        {(aria) => <input {...aria} type="text" autoComplete="off" maxLength={personalizationMaxLength} value={values.personalization} onInput={set('personalization')} />}
      </Field>
      {/* Beside the button pressed, not at the top of a form taller than a phone's screen. */}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div class="row">
        <Button class="button primary" type="submit" unavailable={busy}>
          Create order
        </Button>
        <button class="button ghost" type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

