import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { OrderPage } from '#shared/schemas/order.ts';
import type { OrderStatus } from '#shared/schemas/order-status.ts';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { ApiError, get, patch, post } from '../api.ts';
import { Field, Notice } from '../components/field.tsx';
import { Layout, Loading } from '../components/layout.tsx';
import { DueBadge, StatusBadge, formatDate, formatDateTime, journey, shipByText, statusLabels, whatHappensNext } from '../components/order-bits.tsx';
import { useSession } from '../session.tsx';
import { Proofs, approvedPersonalization, proofAwaitingDecision } from '../components/proofs.tsx';
import { imageSources } from '../components/file-images.ts';
import { FileTile } from '../components/file-tile.tsx';

type Page = OrderPage;

/** One order, for its seller (details, next steps, edits) or its customer (where it stands). */
export default function OrderPageView() {
  const { params } = useRoute();
  const { me } = useSession();
  const [page, setPage] = useState<Page>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'success' | 'warn'; text: string }>();

  const load = () =>
    get<Page>(`/orders/${params.orderId}`)
      .then((p) => {
        setPage(p);
        setError(undefined);
      })
      .catch((e) => setError(e instanceof ApiError && e.status === 404 ? 'This order does not exist, or it is not yours to see.' : e instanceof ApiError && e.status === 401 ? 'signin' : 'Could not load the order.'));

  useEffect(() => {
    void load();
  }, [params.orderId]);

  useEffect(() => {
    if (error === 'signin') location.assign(`/sign-in?next=${encodeURIComponent(location.pathname)}`);
  }, [error]);

  if (error && error !== 'signin') {
    return (
      <Layout signedIn narrow>
        <Notice kind="error">{error}</Notice>
        <a href="/">Back to your start page</a>
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
    <Layout signedIn>
      <p class="small">
        <a href={page.viewer === 'seller' ? '/dashboard' : '/home'}>← {page.viewer === 'seller' ? 'All orders' : 'Your orders'}</a>
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
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {/* A notice tells of the last thing done: it goes when the next begins, so a second "Saved." is seen to come. */}
      <div class="grid-2" onSubmitCapture={() => setNotice(undefined)}>
        <div class="stack">
          {page.viewer === 'customer' ? <CustomerStatus page={page} onChanged={afterChange} /> : <NextSteps page={page} onChanged={afterChange} onConflict={load} />}
          <Proofs page={page} onChanged={afterChange} onConflict={afterConflict} />
          <section class="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            {page.viewer === 'seller' ? <EditDetails page={page} onSaved={afterChange} onConflict={load} /> : <ReadDetails page={page} />}
          </section>
          {o.intake ? (
            <section class="card" aria-labelledby="answers-title">
              <h2 id="answers-title">Request: {o.intake.formName}</h2>
              <dl class="facts">
                {o.intake.answers.map((a) => (
                  <Fragment key={a.fieldId}>
                    <dt>{a.label}</dt>
                    <dd>{renderAnswer(a.type, a.value)}</dd>
                  </Fragment>
                ))}
              </dl>
              <ReferenceFiles page={page} />
            </section>
          ) : null}
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
              <p>{page.shop.name}</p>
            )}
          </section>
          <section class="card" aria-labelledby="activity-title">
            <h2 id="activity-title">Activity</h2>
            <ol class="timeline">
              {page.activity.map((event) => (
                <li key={event.eventId}>
                  <span>{describeEvent(event)}</span>
                  <time dateTime={event.at}>
                    {formatDateTime(event.at)} · {event.actor.kind === 'system' ? 'Atelier' : event.actor.kind === 'seller' ? 'Shop' : event.actor.name ?? 'Customer'}
                  </time>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </Layout>
  );
}

/** What the customer attached to the request, as tiles linking to each file. */
function ReferenceFiles(props: { page: Page }) {
  const { orderId } = props.page.order;
  const references = props.page.files.filter((f) => f.purpose === 'reference');
  if (references.length === 0) return null;
  const image = imageSources(orderId, props.page.files);
  return (
    <>
      <h3 class="subsection">Attached files</h3>
      <div class="proof-files">
        {references.map((f) => (
          <FileTile key={f.fileId} orderId={orderId} file={f} image={image} alt={`Attached by the customer: ${f.filename}`} />
        ))}
      </div>
    </>
  );
}

function renderAnswer(type: string, value: unknown) {
  if (type === 'checkbox') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (type === 'date' && typeof value === 'string') return formatDate(value);
  if (type === 'color' && typeof value === 'string')
    return (
      <span class="row">
        <span aria-hidden="true" style={{ color: value }}>
          ■
        </span>
        {value}
      </span>
    );
  return String(value);
}

function describeEvent(event: Page['activity'][number]): string {
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
      return `Proof v${String(d.version)} sent`;
    case 'design.decided':
      return d.decision === 'approve' ? `Proof v${String(d.version)} approved` : `Changes requested on proof v${String(d.version)}`;
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

/** Asking for approval and approving are design review's steps, not buttons here (ADR 0009). */
const reviewHints: Partial<Record<OrderStatus, string>> = {
  in_design: 'Send a proof below to ask the customer for approval.',
  awaiting_approval: 'The customer approves the proof below or asks for changes.',
};

/** How the seller's button for one step reads, and how much it stands out. */
function stepButton(from: OrderStatus, step: Page['allowedTransitions'][number]): { label: string; style: 'primary' | 'secondary' | 'danger' } {
  if (step.to === 'cancelled') return { label: 'Cancel order', style: 'danger' };
  if (step.to === 'in_production' && step.requiresReason) return { label: 'Start production without approval', style: 'secondary' };
  // Back to design while the customer is asked: the shop takes its proof back; waiting is the expected course.
  if (from === 'awaiting_approval' && step.to === 'in_design') return { label: 'Withdraw the proof', style: 'secondary' };
  return { label: `Move to ${statusLabels[step.to]}`, style: step.requiresReason || step.to === 'on_hold' ? 'secondary' : 'primary' };
}

function NextSteps(props: { page: Page; onChanged(message: string): Promise<void>; onConflict(): Promise<void> }) {
  const [reasonFor, setReasonFor] = useState<OrderStatus>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const steps = props.page.allowedTransitions;
  const move = async (to: OrderStatus, withReason?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/orders/${props.page.order.orderId}/transitions`, { to, version: props.page.order.version, ...(withReason ? { reason: withReason } : {}) });
      setReasonFor(undefined);
      setReason('');
      await props.onChanged(`Moved to ${statusLabels[to]}.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not change the status.');
      if (e instanceof ApiError && e.status === 409) await props.onConflict();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="steps-title">
      <h2 id="steps-title">Next step</h2>
      {reviewHints[props.page.order.status] ? <p class="muted">{reviewHints[props.page.order.status]}</p> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {steps.length === 0 ? <p class="muted">This order is closed.</p> : null}
      <div class="row">
        {steps.map((s) => {
          const button = stepButton(props.page.order.status, s);
          return (
            <button
              key={s.to}
              type="button"
              class={`button ${button.style}`}
              disabled={busy}
              aria-expanded={s.requiresReason ? reasonFor === s.to : undefined}
              onClick={() => (s.requiresReason ? setReasonFor(reasonFor === s.to ? undefined : s.to) : move(s.to))}
            >
              {button.label}
            </button>
          );
        })}
      </div>
      {reasonFor ? (
        <form
          style={{ marginTop: '16px' }}
          onSubmit={(e) => {
            e.preventDefault();
            void move(reasonFor, reason);
          }}
        >
          <Field id="reason" label={reasonFor === 'cancelled' ? 'Why is it cancelled?' : 'Why start before the customer approved?'} hint="Kept in the order's activity." required>
            {(aria) => <textarea {...aria} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <button class="button primary" type="submit" disabled={busy || !reason.trim()}>
            Confirm
          </button>
        </form>
      ) : null}
    </section>
  );
}

function CustomerStatus(props: { page: Page; onChanged(message: string): Promise<void> }) {
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

function ReadDetails(props: { page: Page }) {
  const o = props.page.order;
  const approved = approvedPersonalization(props.page);
  return (
    <>
      {approved && (o.personalization ?? '') !== approved.text ? (
        <Notice kind="warn">The shop changed the personalisation after you approved v{approved.version} with {quoted(approved.text)}.</Notice>
      ) : null}
      <dl class="facts">
        <dt>To ship by</dt>
        <dd>{o.dueDate ? formatDate(o.dueDate) : 'Not set yet'}</dd>
        {o.personalization ? (
          <>
            <dt>Personalisation</dt>
            <dd>{o.personalization}</dd>
          </>
        ) : null}
        {o.description ? (
          <>
            <dt>Notes</dt>
            <dd>{o.description}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

function EditDetails(props: { page: Page; onSaved(message: string): Promise<void>; onConflict(): Promise<void> }) {
  const o = props.page.order;
  const approved = approvedPersonalization(props.page);
  const initial = { title: o.title, dueDate: o.dueDate ?? '', personalization: o.personalization ?? '', description: o.description ?? '' };
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string>();
  useEffect(() => setValues(initial), [o.version]);
  const set = (key: keyof typeof values) => (e: Event) => setValues({ ...values, [key]: (e.currentTarget as HTMLInputElement).value });
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      await patch(`/orders/${o.orderId}`, {
        version: o.version,
        title: values.title,
        dueDate: values.dueDate || null,
        personalization: values.personalization || null,
        description: values.description || null,
      });
      await props.onSaved('Saved.');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save.');
      if (err instanceof ApiError && err.status === 409) await props.onConflict();
    }
  };
  return (
    <form onSubmit={save}>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Field id="edit-title" label="Title" required>
        {(aria) => <input {...aria} type="text" maxLength={140} value={values.title} onInput={set('title')} />}
      </Field>
      <Field id="edit-due" label="Due date" hint="The date the piece must ship by.">
        {(aria) => <input {...aria} type="date" value={values.dueDate} onInput={set('dueDate')} />}
      </Field>
      <Field id="edit-personalization" label="Personalisation" hint={`The exact text for the piece · ${[...values.personalization].length} characters`}>
        {(aria) => <input {...aria} type="text" maxLength={personalizationMaxLength} value={values.personalization} onInput={set('personalization')} />}
      </Field>
      {approved && values.personalization !== approved.text ? (
        <Notice kind="warn">
          The customer approved v{approved.version} with {quoted(approved.text)}. This text is not what they approved: send a new proof for their approval, or make the piece as approved.
        </Notice>
      ) : null}
      <Field id="edit-description" label="Notes">
        {(aria) => <textarea {...aria} maxLength={5000} value={values.description} onInput={set('description')} />}
      </Field>
      <button class="button primary" type="submit" disabled={!dirty}>
        Save details
      </button>
    </form>
  );
}

/** A personalisation as quoted to people: in quotation marks, or "no personalisation". */
const quoted = (text: string) => (text ? `“${text}”` : 'no personalisation');
