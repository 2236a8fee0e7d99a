import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { validateAnswers } from '#shared/domain/intake/validate-answers.ts';
import type { AnswerValue, IntakeField } from '#shared/schemas/intake-form.ts';
import { ApiError, get, post } from '../api.ts';
import { Field, Notice } from '../components/field.tsx';
import { IntakeFieldInput } from '../components/intake-field.tsx';
import type { ReferenceUploader } from '../components/reference-files-input.tsx';
import { uploadReference, type UploadDraft } from '../upload.ts';
import { Layout, Loading } from '../components/layout.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { Button } from '../components/button.tsx';

type PublicForm = {
  shop: { name: string; slug: string };
  form: { formId: string; version: number; name: string; description: string | null; fields: IntakeField[] };
  forms: Array<{ formId: string; name: string }>;
};

/** `/s/:slug`: a shop's public page where a customer asks for a custom piece. */
export default function RequestPage() {
  const { params } = useRoute();
  const location = useLocation();
  const [data, setData] = useState<PublicForm>();
  const [error, setError] = useState<string>();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [who, setWho] = useState({ name: '', email: '', website: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<Record<string, number>>({});
  const filesInFlight = Object.values(uploading).some((n) => n > 0);
  const [done, setDone] = useState<{ reference: string; email: string }>();
  const answered = Object.values(answers).some((value) => value !== '' && value !== false && !(Array.isArray(value) && value.length === 0));
  useLeaveGuard(!done && (answered || Boolean(who.name.trim() || who.email.trim())));
  const formId = location.query.form;
  // One upload draft per visit to this page: its secret claims the attached files on sending.
  const draft = useRef<UploadDraft>({}).current;
  const uploader: ReferenceUploader = (file, onProgress) => uploadReference(params.slug!, file, draft, onProgress);

  useEffect(() => {
    // A form asked for before the customer chose another (or went back) is dropped when it comes.
    let current = true;
    setData(undefined);
    get<PublicForm>(`/shops/${encodeURIComponent(params.slug!)}/intake-form${formId ? `?formId=${encodeURIComponent(formId)}` : ''}`)
      .then((d) => {
        if (!current) return;
        setData(d);
        setAnswers({});
        setErrors({});
      })
      .catch((e) => current && setError(e instanceof ApiError && e.status === 404 ? 'missing' : e instanceof ApiError ? e.message : 'Could not load this page.'));
    return () => {
      current = false;
    };
  }, [params.slug, formId]);

  /** The first field with a problem gets the focus, so the person lands where to fix it. */
  const focusFirstProblem = (found: Record<string, string>) => {
    const first = Object.keys(found)[0];
    if (!first) return;
    const id = first === 'name' || first === 'email' ? `who-${first}` : `q-${first}`;
    // A choice's control is its first option.
    (document.getElementById(id) ?? document.getElementById(`${id}-0`))?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!data) return;
    const found: Record<string, string> = {};
    const checked = validateAnswers(data.form.fields, answers);
    if (!checked.ok) for (const problem of checked.errors) found[problem.fieldId] = problem.message;
    if (!who.name.trim()) found.name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(who.email.trim())) found.email = 'Enter a valid email address.';
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstProblem(found);
      return;
    }
    setBusy(true);
    try {
      const result = await post<{ reference: string }>(`/shops/${encodeURIComponent(params.slug!)}/requests`, {
        formId: data.form.formId,
        name: who.name,
        email: who.email,
        answers,
        ...(who.website ? { website: who.website } : {}),
        ...(draft.secret ? { uploadDraft: await draft.secret } : {}),
      });
      setDone({ reference: result.reference, email: who.email.trim() });
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'validation_failed' || err.code === 'unprocessable')) {
        const fields = (err.details as { fields?: Array<{ fieldId: string; message: string }> } | undefined)?.fields ?? [];
        const found = Object.fromEntries(fields.map((f) => [f.fieldId, f.message]));
        setErrors(found);
        focusFirstProblem(found);
      }
      setError(err instanceof ApiError ? err.message : 'Could not send your request.');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Layout narrow>
        <div class="card">
          <h1>Request sent</h1>
          <Notice kind="success">
            Your order reference is <strong class="nowrap">{done.reference}</strong>.
          </Notice>
          <p>
            We emailed <strong>{done.email}</strong> a link to your order page, where you can follow it and approve the design.
          </p>
        </div>
      </Layout>
    );
  }
  if (error && !data) {
    return (
      <Layout narrow>
        {error === 'missing' ? (
          <>
            <h1>No shop at this address</h1>
            <p>The address may be mistyped. Check the link the shop gave you, or ask them for it again.</p>
          </>
        ) : (
          <>
            <h1>This page could not load</h1>
            <Notice kind="error">{error}</Notice>
            <button class="button secondary" type="button" onClick={() => window.location.reload()}>
              Try again
            </button>
          </>
        )}
      </Layout>
    );
  }
  if (!data) return <Layout narrow><Loading /></Layout>;

  return (
    <Layout narrow>
      <p class="muted small" style={{ margin: 0 }}>
        {data.shop.name}
      </p>
      <h1>{data.form.name}</h1>
      {data.form.description ? <p>{data.form.description}</p> : null}
      {data.forms.length > 1 ? (
        <nav aria-label="What would you like?" class="row" style={{ marginBottom: '16px' }}>
          {data.forms.map((f) => (
            <a key={f.formId} class={`button ${f.formId === data.form.formId ? 'primary' : 'secondary'}`} href={`/s/${data.shop.slug}?form=${f.formId}`} aria-current={f.formId === data.form.formId ? 'page' : undefined}>
              {f.name}
            </a>
          ))}
        </nav>
      ) : null}
      <form class="card" onSubmit={submit} noValidate>
        {data.form.fields.map((field) => (
          <IntakeFieldInput key={field.id} idPrefix="q" field={field} value={answers[field.id]} error={errors[field.id]} onChange={(value) => setAnswers((all) => ({ ...all, [field.id]: value }))} uploader={uploader} onUploading={(count) => setUploading((all) => ({ ...all, [field.id]: count }))} />
        ))}
        <hr />
        <Field id="who-name" label="Your name" error={errors.name} required>
          {(aria) => <input {...aria} type="text" autoComplete="name" maxLength={120} value={who.name} onInput={(e) => setWho({ ...who, name: e.currentTarget.value })} />}
        </Field>
        <Field id="who-email" label="Your email" hint="We send your order link here." error={errors.email} required>
          {(aria) => <input {...aria} type="email" autoComplete="email" maxLength={254} value={who.email} onInput={(e) => setWho({ ...who, email: e.currentTarget.value })} />}
        </Field>
        <div class="honeypot" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" type="text" tabIndex={-1} autoComplete="off" value={who.website} onInput={(e) => setWho({ ...who, website: e.currentTarget.value })} />
        </div>
        {/* Beside the button just pressed, not at the top of a long form out of sight. */}
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button class="button primary block" type="submit" unavailable={busy || filesInFlight}>
          {busy ? 'Sending…' : filesInFlight ? 'Waiting for your files…' : 'Send my request'}
        </Button>
      </form>
    </Layout>
  );
}
