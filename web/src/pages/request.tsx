import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { UnofferedForm } from '#shared/domain/intake/get-public-intake-form.ts';
import { initialAnswers, validateAnswers } from '#shared/domain/intake/validate-answers.ts';
import { withDueDateLimits } from '#shared/domain/intake/due-date-field.ts';
import { localIsoToday } from '#shared/text/calendar-date.ts';
import type { AnswerValue, IntakeField } from '#shared/schemas/intake-form.ts';
import { ApiError, get, post } from '../api.ts';
import { Field, Notice } from '../components/field.tsx';
import { charactersOverLimit, IntakeFieldInput, overLimitMessage } from '../components/intake-field.tsx';
import type { ReferenceUploader } from '../components/reference-files-input.tsx';
import { uploadReference, type UploadDraft } from '../upload.ts';
import { Layout, Loading } from '../components/layout.tsx';
import { useLeaveGuard } from '../components/leave-guard.ts';
import { Button } from '../components/button.tsx';
import { useFocusAfterRender } from '../components/focus-after-render.ts';
import { WithLinks } from '../components/with-links.tsx';
import { useSession } from '../session.tsx';

type PublicForm = {
  shop: { name: string; slug: string };
  form: { formId: string; version: number; name: string; description: string | null; fields: IntakeField[] };
  forms: Array<{ formId: string; name: string }>;
};

/** The form with the limits that hold today where the customer is (a due date from today on). */
function asFilledInToday(read: PublicForm): PublicForm {
  return { ...read, form: { ...read.form, fields: withDueDateLimits(read.form.fields, localIsoToday()) } };
}

/** `/s/:slug`: a shop's public page where a customer asks for a custom piece. */
export default function RequestPage() {
  const { params } = useRoute();
  const location = useLocation();
  const [data, setData] = useState<PublicForm>();
  const [error, setError] = useState<string>();
  // A 404: no shop at all, or a live shop without the form asked for (with what it offers instead).
  const [missing, setMissing] = useState<{ offered?: UnofferedForm }>();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [who, setWho] = useState({ name: '', email: '', website: '' });
  // A customer signed in here is not asked for the email the session knows (it holds no name):
  // it is filled in, still theirs to change, and only what they type counts as something to lose.
  const { me } = useSession();
  const knownEmail = me?.kind === 'customer' ? me.email : '';
  useEffect(() => {
    if (knownEmail) setWho((now) => (now.email ? now : { ...now, email: knownEmail }));
  }, [knownEmail]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<Record<string, number>>({});
  const filesInFlight = Object.values(uploading).some((n) => n > 0);
  const [done, setDone] = useState<{ reference: string; email: string }>();
  // A required colour question starts answered with the colour it shows; that alone is nothing to lose.
  const startedWith = data ? initialAnswers(data.form.fields) : {};
  const answered = Object.entries(answers).some(([id, value]) => value !== startedWith[id] && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0));
  useLeaveGuard(!done && (answered || Boolean(who.name.trim() || (who.email.trim() && who.email.trim() !== knownEmail))));
  const formId = location.query.form;
  // One upload draft per visit to this page: its secret claims the attached files on sending.
  const draft = useRef<UploadDraft>({}).current;
  const uploader: ReferenceUploader = (file, onProgress) => uploadReference(params.slug!, file, draft, onProgress);
  const focusAfterRender = useFocusAfterRender();
  // Another of the shop's forms chosen here (its link, or Back to the one before) replaces the
  // page in place, its links with it: the focus goes to the new form's heading, which a screen
  // reader then reads, not to the start of the page. Not on the first form: the page has just loaded.
  const shownForm = useRef<string | undefined | null>(null);
  const formPath = (id: string | undefined) => `/shops/${encodeURIComponent(params.slug!)}/intake-form${id ? `?formId=${encodeURIComponent(id)}` : ''}`;

  useEffect(() => {
    // A form asked for before the customer chose another (or went back) is dropped when it comes.
    let current = true;
    setData(undefined);
    setError(undefined);
    setMissing(undefined);
    get<PublicForm>(formPath(formId))
      .then((d) => {
        if (!current) return;
        setData(asFilledInToday(d));
        setAnswers(initialAnswers(d.form.fields));
        setErrors({});
        if (shownForm.current !== null && shownForm.current !== formId) focusAfterRender('request-form-heading');
        shownForm.current = formId;
      })
      .catch((e) => {
        if (!current) return;
        if (e instanceof ApiError && e.status === 404) {
          const details = e.details as UnofferedForm | undefined;
          setMissing(details?.reason === 'form_not_offered' ? { offered: details } : {});
        } else setError(e instanceof ApiError ? e.message : 'Could not load this page.');
      });
    return () => {
      current = false;
    };
  }, [params.slug, formId]);

  /**
   * The first field with a problem, in the order of the page, gets the focus, so the person
   * lands where to fix it; after the form changed, that field may only now be drawn.
   */
  const focusFirstProblem = (fields: IntakeField[], found: Record<string, string>) => {
    const first = [...fields.map((f) => f.id), 'name', 'email'].find((id) => found[id]);
    if (!first) return;
    const id = first === 'name' || first === 'email' ? `who-${first}` : `q-${first}`;
    const field = fields.find((f) => f.id === first);
    // A choice's control is its first option.
    focusAfterRender(field?.type === 'single_choice' || field?.type === 'multiple_choice' ? `${id}-0` : id);
  };

  /**
   * The shop may have changed the form while it was open (a question added, a limit changed):
   * the form is read again, and when it is another version the new one is shown with every
   * answer kept, files included. Answers to questions it no longer has are left out.
   */
  const refreshChangedForm = async (shown: PublicForm): Promise<PublicForm | undefined> => {
    const read = await get<PublicForm>(formPath(shown.form.formId)).catch(() => undefined);
    if (!read || read.form.version === shown.form.version) return undefined;
    const fresh = asFilledInToday(read);
    setData(fresh);
    setAnswers((all) => ({ ...initialAnswers(fresh.form.fields), ...all }));
    return fresh;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!data) return;
    const found: Record<string, string> = {};
    const shownAnswers = Object.fromEntries(Object.entries(answers).filter(([id]) => data.form.fields.some((f) => f.id === id)));
    const checked = validateAnswers(data.form.fields, shownAnswers);
    if (!checked.ok) for (const problem of checked.errors) found[problem.fieldId] = problem.message;
    // A text over its limit is not sent cut short: it waits for the customer to shorten it, as its
    // count (which says how many too many) counts it.
    for (const field of data.form.fields) if (charactersOverLimit(field, shownAnswers[field.id]) > 0 && 'maxLength' in field) found[field.id] = overLimitMessage(field.maxLength);
    if (!who.name.trim()) found.name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(who.email.trim())) found.email = 'Enter a valid email address.';
    setErrors(found);
    setError(undefined);
    if (Object.keys(found).length) {
      focusFirstProblem(data.form.fields, found);
      return;
    }
    setBusy(true);
    try {
      const result = await post<{ reference: string }>(`/shops/${encodeURIComponent(params.slug!)}/requests`, {
        formId: data.form.formId,
        name: who.name,
        email: who.email,
        answers: shownAnswers,
        ...(who.website ? { website: who.website } : {}),
        ...(draft.secret ? { uploadDraft: await draft.secret } : {}),
      });
      setDone({ reference: result.reference, email: who.email.trim() });
      focusAfterRender('request-sent');
    } catch (err) {
      const refused = err instanceof ApiError && (err.code === 'validation_failed' || err.code === 'unprocessable') ? (err.details as { fields?: Array<{ fieldId: string; message: string }> } | undefined)?.fields : undefined;
      if (refused) {
        const changed = await refreshChangedForm(data);
        const fields = (changed ?? data).form.fields;
        // On a changed form the answers are checked again as they now stand (a new required colour
        // question starts answered); problems with questions the shop took out are gone with them.
        const recheck = changed && validateAnswers(fields, { ...initialAnswers(fields), ...answers });
        const problems = recheck ? (recheck.ok ? [] : recheck.errors) : refused;
        const found = Object.fromEntries(problems.filter((f) => fields.some((field) => field.id === f.fieldId)).map((f) => [f.fieldId, f.message]));
        setErrors(found);
        focusFirstProblem(fields, found);
        setError(changed ? 'The shop changed this form while you had it open. Your answers are kept: look at the questions marked, then send again.' : (err as ApiError).message);
        return;
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
          <h1 id="request-sent" tabIndex={-1}>
            Request sent
          </h1>
          <Notice kind="success">
            Your order reference is <strong class="nowrap">{done.reference}</strong>.
          </Notice>
          <p>
            We emailed <strong>{done.email}</strong> a link to your order page, where you can follow it and approve the design.
          </p>
          <h2>What happens next</h2>
          <ol>
            <li>{data?.shop.name ?? 'The shop'} reads your request and answers on your order page, usually with a quote.</li>
            <li>They make a design proof. You check it there, then approve it or ask for changes.</li>
            <li>Once you approve it, they make your piece, and you can follow it until it ships.</li>
          </ol>
          <p class="muted small">
            No email after a few minutes? Look in your spam folder, or ask for a new link on <a href="/sign-in">the sign-in page</a> with this email address.
          </p>
        </div>
      </Layout>
    );
  }
  if (missing) {
    const offered = missing.offered;
    return (
      <Layout narrow>
        {!offered ? (
          <>
            <h1>No shop at this address</h1>
            <p>The address may be mistyped. Check the link the shop gave you, or ask them for it again.</p>
          </>
        ) : offered.forms.length === 0 ? (
          <>
            <h1>{formId ? 'This form is no longer offered' : 'Not taking requests yet'}</h1>
            <p>{offered.shop.name} is not taking custom requests at the moment. Ask the shop when they will again.</p>
          </>
        ) : (
          <>
            <h1>This form is no longer offered</h1>
            <p>Here is what {offered.shop.name} offers now:</p>
            <ul class="stack">
              {offered.forms.map((f) => (
                <li key={f.formId}>
                  <a href={`/s/${offered.shop.slug}?form=${f.formId}`}>{f.name}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </Layout>
    );
  }
  if (error && !data) {
    return (
      <Layout narrow>
        <h1>This page could not load</h1>
        <Notice kind="error">{error}</Notice>
        <button class="button secondary" type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </Layout>
    );
  }
  if (!data) return <Layout narrow><Loading /></Layout>;

  return (
    <Layout narrow>
      <p class="muted small" style={{ margin: 0 }}>
        {data.shop.name}
      </p>
      <h1 id="request-form-heading" tabIndex={-1}>
        {data.form.name}
      </h1>
      {data.form.description ? (
        <p>
          <WithLinks text={data.form.description} />
        </p>
      ) : null}
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
