import { useEffect, useRef, useState } from 'preact/hooks';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import { useRoute } from 'preact-iso';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, get } from '../api.ts';
import { CustomerStatus } from '../components/customer-status.tsx';
import { Announcement, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { NextSteps } from '../components/next-steps.tsx';
import { OrderActivity } from '../components/order-activity.tsx';
import { DueBadge, StatusBadge, formatDate, shipByText } from '../components/order-bits.tsx';
import { EditDetails, ReadDetails } from '../components/order-details.tsx';
import { OrderRequest } from '../components/order-request.tsx';
import { Proofs } from '../components/proofs.tsx';
import { useSession } from '../session.tsx';
import { lastDashboardList, useWayBackToDashboard } from '../components/dashboard-place.ts';

type Said = { kind: 'success' | 'warn'; text: string };

/**
 * What the page that sent the person here said was done (the dashboard's "Order … created."),
 * kept on this history entry by that page: taken once, so a reload does not say it again.
 */
function saidOnArrival(): Said | undefined {
  const state: unknown = history.state;
  if (!state || typeof state !== 'object' || !('announcement' in state)) return undefined;
  const { announcement, ...others } = state as { announcement?: Said };
  history.replaceState(others, '');
  return announcement;
}

/** One order, for its seller (details, next steps, edits) or its customer (where it stands). */
export default function OrderPageView() {
  const { params } = useRoute();
  const { me } = useSession();
  const [page, setPage] = useState<OrderPage>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<Said>();
  // Said once the order is drawn, into its region already on the page: a region that arrives with its words may go unannounced.
  const [arrival] = useState(saidOnArrival);
  useEffect(() => {
    if (page && arrival) setNotice(arrival);
  }, [Boolean(page)]);
  const backToDashboard = useWayBackToDashboard();

  // Two actions close together reload twice: only the last reload asked for is shown, so an
  // earlier one arriving late cannot put back the order as it was before the second action.
  const latestLoad = useRef(0);
  const load = () => {
    const asked = ++latestLoad.current;
    return get<OrderPage>(`/orders/${params.orderId}?today=${localIsoToday()}`)
      .then((p) => {
        if (asked !== latestLoad.current) return;
        setPage(p);
        setError(undefined);
      })
      .catch((e) => {
        if (asked === latestLoad.current) setError(e instanceof ApiError && (e.status === 404 || e.status === 400) ? 'missing' : e instanceof ApiError && e.status === 401 ? 'signin' : 'Could not load the order.');
      });
  };

  useEffect(() => {
    void load();
  }, [params.orderId]);

  useEffect(() => {
    if (error === 'signin' && !page) location.assign(`/sign-in?next=${encodeURIComponent(location.pathname)}`);
  }, [error]);

  if (error === 'missing') {
    return (
      <Layout signedIn narrow>
        <div class="card">
          <h1>Order not found</h1>
          <p>This order does not exist, or it is not yours to see. Check the address, or find the order among yours.</p>
          {/* An order link sent to another address opens for that address only: say which one this is. */}
          {me ? (
            <p>
              You are signed in as <strong>{me.email}</strong>. If the order was sent to another email address, sign out and sign in with that one.
            </p>
          ) : null}
          <a class="button primary" href="/">
            Go to your orders
          </a>
        </div>
      </Layout>
    );
  }
  if (error && error !== 'signin') {
    return (
      <Layout signedIn narrow>
        <h1>The order could not load</h1>
        <Notice kind="error">{error}</Notice>
        <button class="button secondary" type="button" onClick={() => void load()}>
          Try again
        </button>
      </Layout>
    );
  }
  if (!page || me === undefined) return <Layout signedIn><Loading label="Loading the order…" /></Layout>;
  const o = page.order;
  // The notice comes with the page it describes: said before the reload, it would sit above the
  // order as it was (a sent proof's file gone from the list, the new version not there yet).
  const afterChange = async (message: string) => {
    await load();
    setNotice({ kind: 'success', text: message });
  };
  // Someone else changed the order first: say what happened and show it as it is now.
  const afterConflict = async (message: string) => {
    await load();
    setNotice({ kind: 'warn', text: message });
  };

  return (
    // Orders of the same piece ("Engraved cutting board") are told apart in tabs and history by their reference.
    <Layout signedIn title={`${o.title} · ${o.reference}`}>
      <p class="small way-back">
        <a href={page.viewer === 'seller' ? lastDashboardList() : '/home'} onClick={page.viewer === 'seller' ? backToDashboard : undefined}>← {page.viewer === 'seller' ? 'All orders' : 'Your orders'}</a>
      </p>
      <div class="page-head">
        <div>
          <p class="muted small" style={{ margin: 0 }}>
            {o.reference} · {page.shop.name}
          </p>
          <h1>{o.title}</h1>
          <div class="row">
            <StatusBadge status={o.status} />
            {page.viewer === 'seller' ? (
              <>
                <span class="muted small">{o.dueDate ? `Due ${formatDate(o.dueDate)}` : 'No due date yet'}</span>
                <DueBadge state={o.dueState} />
              </>
            ) : (
              <span class="muted small">{shipByText(o)}</span>
            )}
          </div>
        </div>
      </div>
      <Announcement message={notice} />
      {/* A notice tells of the last thing done: it goes when the next begins, so a second "Saved." is seen to come. */}
      <div class="grid-2" onSubmitCapture={() => setNotice(undefined)}>
        <div class="stack">
          {page.viewer === 'customer' ? <CustomerStatus page={page} onChanged={afterChange} onConflict={afterConflict} /> : <NextSteps page={page} onChanged={afterChange} onConflict={load} />}
          <Proofs page={page} onChanged={afterChange} onConflict={afterConflict} />
          <section class="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            {page.viewer === 'seller' ? <EditDetails page={page} onSaved={load} onConflict={load} /> : <ReadDetails page={page} />}
          </section>
          <OrderRequest page={page} />
        </div>
        <aside class="stack" aria-label="Order facts and activity">
          <section class="card" aria-labelledby="customer-title">
            <h2 id="customer-title">{page.viewer === 'seller' ? 'Customer' : 'Shop'}</h2>
            {page.viewer === 'seller' ? (
              <dl class="facts">
                <dt>Name</dt>
                <dd>{o.customer.name}</dd>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${o.customer.email}`}>{o.customer.email}</a>
                </dd>
                <dt>Came from</dt>
                <dd>{o.source === 'intake' ? 'Request page' : o.source === 'etsy' ? 'Etsy' : 'Added by hand'}</dd>
                <dt>Payment</dt>
                <dd>{o.payment.state === 'not_linked' ? 'Not linked to Etsy yet' : o.payment.state}</dd>
                {o.etsy ? (
                  <>
                    <dt>Etsy</dt>
                    <dd>
                      <a href={o.etsy.url}>Receipt {o.etsy.receiptId}</a>
                    </dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <>
                <p>{page.shop.name}</p>
                <p>
                  <a href={`/s/${page.shop.slug}`}>Ask {page.shop.name} for another piece</a>
                </p>
              </>
            )}
          </section>
          <OrderActivity activity={page.activity} customerName={o.customer.name} />
        </aside>
      </div>
    </Layout>
  );
}
