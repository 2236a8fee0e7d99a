import { useEffect, useRef, useState } from 'preact/hooks';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, patch } from '../api.ts';
import { Button } from './button.tsx';
import { Field, Notice } from './field.tsx';
import { formatDate, shipByText } from './order-bits.tsx';
import { approvedPersonalization } from './proofs.tsx';
import { Quoted } from './pins.tsx';
import { useLeaveGuard } from './leave-guard.ts';
import { dueDateRange, pastDueNote } from '#shared/domain/orders/due-date.ts';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import { isoToday } from '#shared/domain/orders/order-views.ts';
import { visibleLengthInWords } from '#shared/text/visible-length.ts';

/** The order's details as its customer reads them. */
export function ReadDetails(props: { page: OrderPage }) {
  const o = props.page.order;
  const approved = approvedPersonalization(props.page);
  return (
    <>
      {approved && (o.personalization ?? '') !== approved.text ? (
        <Notice kind="warn">The shop changed the personalisation after you approved v{approved.version} with {quoted(approved.text)}.</Notice>
      ) : null}
      <dl class="facts">
        {/* Past shipping, or cancelled, a ship-by date tells the customer nothing. */}
        {shipByText(o) ? (
          <>
            <dt>To ship by</dt>
            <dd>{o.dueDate ? formatDate(o.dueDate) : 'Not set yet'}</dd>
          </>
        ) : null}
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

type DetailValues = { title: string; dueDate: string; personalization: string; description: string };

/** The order's details as its seller edits them (optimistic locking on the order's version). */
export function EditDetails(props: { page: OrderPage; onSaved(): Promise<void>; onConflict(): Promise<void> }) {
  const o = props.page.order;
  const approved = approvedPersonalization(props.page);
  const initial: DetailValues = { title: o.title, dueDate: o.dueDate ?? '', personalization: o.personalization ?? '', description: o.description ?? '' };
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string>();
  // Said beside the button pressed, where the seller is looking: held over the top of a long page,
  // it covered the cards. It goes once the details are changed again: they are no longer what was saved.
  const [saved, setSaved] = useState(false);
  // What the seller changed when someone else saved first: laid again over the order as it is now.
  const kept = useRef<Partial<DetailValues>>();
  useEffect(() => {
    setValues({ ...initial, ...kept.current });
    kept.current = undefined;
  }, [o.version]);
  const set = (key: keyof DetailValues) => (e: Event) => {
    setValues({ ...values, [key]: (e.currentTarget as HTMLInputElement).value });
    setSaved(false);
  };
  // Only what the seller changed is sent: a save never puts back what someone else changed meanwhile.
  const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== initial[key as keyof DetailValues])) as Partial<DetailValues>;
  const dirty = Object.keys(changed).length > 0;
  useLeaveGuard(dirty);
  const [saving, setSaving] = useState(false);
  const dueRange = dueDateRange(isoToday(new Date()));
  const save = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    setSaving(true);
    try {
      const body: Record<string, unknown> = { version: o.version };
      for (const [key, value] of Object.entries(changed)) body[key] = key === 'title' ? value : value || null;
      await patch(`/orders/${o.orderId}`, body);
      await props.onSaved();
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        kept.current = changed;
        setError('Someone changed this order while you were editing. Your changes are kept in the fields above, over the order as it is now: check them and save again.');
        await props.onConflict();
      } else setError(err instanceof ApiError ? err.message : 'Could not save.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={save}>
      <Field id="edit-title" label="Title" required count={{ value: values.title, max: 140 }}>
        {(aria) => <input {...aria} type="text" maxLength={140} value={values.title} onInput={set('title')} />}
      </Field>
      <Field id="edit-due" label="Due date" hint={['The date the piece must ship by.', values.dueDate !== initial.dueDate ? pastDueNote(values.dueDate, localIsoToday()) : undefined].filter(Boolean).join(' ')}>
        {(aria) => <input {...aria} type="date" min={dueRange.min} max={dueRange.max} value={values.dueDate} onInput={set('dueDate')} />}
      </Field>
      <Field id="edit-personalization" label="Personalisation" hint={values.personalization ? `The exact text for the piece · ${visibleLengthInWords(values.personalization)}` : 'The exact text for the piece'}>
        {(aria) => <input {...aria} type="text" maxLength={personalizationMaxLength} value={values.personalization} onInput={set('personalization')} />}
      </Field>
      {approved && values.personalization !== approved.text ? (
        <Notice kind="warn">
          The customer approved v{approved.version} with {quoted(approved.text)}. This text is not what they approved: send a new proof for their approval, or make the piece as approved.
        </Notice>
      ) : null}
      <Field id="edit-description" label="Notes" hint="The customer reads these on their order too." count={{ value: values.description, max: 5000 }}>
        {(aria) => <textarea {...aria} maxLength={5000} value={values.description} onInput={set('description')} />}
      </Field>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {/* One save per press: a second tap would be refused as someone else's change. */}
      <div class="row">
        <Button class="button primary" type="submit" unavailable={saving || !dirty}>
          Save details
        </Button>
        {/* A live region on the page before its message, so that screen readers announce "Saved.". */}
        <div role="status" class="details-saved">
          {saved ? <div class="notice success">Saved.</div> : null}
        </div>
      </div>
    </form>
  );
}

/** A personalisation as quoted to people: in quotation marks, or "no personalisation". */
// Isolated in its quotes: right-to-left text keeps its order, and the sentence around it keeps its own.
const quoted = (text: string) => (text ? <Quoted text={text} /> : 'no personalisation');
