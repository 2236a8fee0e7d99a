import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, post, safeNext } from '../api.ts';
import { Field, Notice } from '../components/field.tsx';
import { Layout } from '../components/layout.tsx';
import { useSession } from '../session.tsx';
import { Button } from '../components/button.tsx';

/** The email form that asks for a sign-in link; also shown when a link has expired. */
export function SignInForm(props: { next?: string | undefined; lead?: string; hint?: string }) {
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = props.next && props.next !== '/' ? safeNext(props.next) : undefined;
      await post('/auth/magic-links', { email, ...(next ? { next } : {}) });
      location.route(`/sign-in/sent?email=${encodeURIComponent(email.trim())}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {props.lead ? <p>{props.lead}</p> : null}
      <Field id="email" label="Email address" hint={props.hint ?? 'We email you a link that signs you in. No password needed.'} error={error} required>
        {(aria) => <input {...aria} type="email" name="email" autoComplete="email" inputMode="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Button class="button primary block" type="submit" unavailable={busy}>
        {busy ? 'Sending…' : 'Email me a sign-in link'}
      </Button>
    </form>
  );
}

export default function SignInPage() {
  const { query } = useLocation();
  const { me } = useSession();
  // Sent here from an order's page (its link opened signed out, or a session that ended on it):
  // most likely the customer the shop's email was for, who knows the shop, not Atelier.
  const toOrder = /^\/orders\/[^/?#]+/.test(safeNext(query.next));
  return (
    <Layout narrow>
      <div class="card">
        <h1>{toOrder ? 'Sign in to see your order' : 'Sign in to Atelier'}</h1>
        {/* Still offered: the same browser may be shared, or the person means another address. */}
        {me ? (
          <Notice kind="info">
            You are signed in as {me.email}. <a href={safeNext(query.next) === '/' ? (me.kind === 'seller' ? '/dashboard' : '/home') : safeNext(query.next)}>Go on as {me.email}</a>, or ask for a link for another address.
          </Notice>
        ) : null}
        <SignInForm next={query.next} {...(toOrder ? { hint: 'Enter the email address you gave the shop: we email it a link that opens your order. No password needed.' } : {})} />
      </div>
      <p class="muted small">{toOrder ? 'Are you the shop? Sign in with the email address you use for Atelier.' : 'Sellers manage custom orders here; customers follow theirs. Everyone signs in with their email.'}</p>
    </Layout>
  );
}

export function SignInSentPage() {
  const { query } = useLocation();
  const [mailbox, setMailbox] = useState<boolean>();
  if (mailbox === undefined) {
    fetch('/api/dev/mailbox')
      .then((r) => setMailbox(r.ok))
      .catch(() => setMailbox(false));
  }
  return (
    <Layout narrow>
      <div class="card">
        <h1>Check your email</h1>
        <Notice kind="success">
          If <strong>{query.email || 'that address'}</strong> belongs to an Atelier shop or order, a sign-in link is on its way.
        </Notice>
        <p>The link works once and expires in 15 minutes. You are signed in on the device and browser where you open it.</p>
        {/* The per-address cap answers as if it sent (a stranger must not be able to lock anyone out), so say it here. */}
        <p>Asked several times? At most 5 links are sent to one address in 15 minutes: use the newest email, or ask again later.</p>
        <p class="row">
          <a href="/sign-in">Use a different email</a>
          {mailbox ? <a href="/dev/mailbox">Open the dev mailbox</a> : null}
        </p>
      </div>
    </Layout>
  );
}
