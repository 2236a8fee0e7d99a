import { useEffect, useState } from 'preact/hooks';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import type { OrderPage } from '#shared/schemas/order.ts';
import { ApiError, patch } from '../api.ts';
import { Field, Notice } from './field.tsx';
import { formatDate } from './order-bits.tsx';
import { approvedPersonalization } from './proofs.tsx';

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

/** The order's details as its seller edits them (optimistic locking on the order's version). */
export function EditDetails(props: { page: OrderPage; onSaved(message: string): Promise<void>; onConflict(): Promise<void> }) {
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
      {error ? <Notice kind="error">{error}</Notice> : null}
      <button class="button primary" type="submit" disabled={!dirty}>
        Save details
      </button>
    </form>
  );
}

/** A personalisation as quoted to people: in quotation marks, or "no personalisation". */
const quoted = (text: string) => (text ? `“${text}”` : 'no personalisation');
