import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, post, safeNext } from '../api.ts';
import { Notice } from '../components/field.tsx';
import { Layout } from '../components/layout.tsx';
import { useSession } from '../session.tsx';
import { SignInForm } from './sign-in.tsx';

type LinkParams = { token?: string; next?: string };

/**
 * The token and landing page of the link that opened this page. Links carry them in the fragment
 * (`#token=…&next=…`), which browsers never send to a server, so no access log, proxy or Referer
 * holds a live token; links sent before that carried them in the query and still work.
 */
function linkParams(query: Record<string, string>): LinkParams {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  if (fragment.has('token')) return { token: fragment.get('token') ?? undefined, next: fragment.get('next') ?? undefined };
  return { token: query.token, next: query.next };
}

/** Takes the token out of the address bar and this page's history entry; anything else stays. */
function forgetToken() {
  const address = new URL(window.location.href);
  const fragment = new URLSearchParams(address.hash.slice(1));
  fragment.delete('token');
  address.hash = fragment.toString();
  address.searchParams.delete('token');
  if (address.href !== window.location.href) history.replaceState(history.state, '', `${address.pathname}${address.search}${address.hash}`);
}

/**
 * Where the emailed link lands. It exchanges the token only on a click: mail scanners that
 * open links must not use up the one-time token. From the click on, the token is held only here,
 * not in the address bar or the browser's history.
 */
export default function VerifyPage() {
  const location = useLocation();
  const { me, refresh } = useSession();
  const [link, setLink] = useState(() => linkParams(location.query));
  const [state, setState] = useState<'ready' | 'busy' | 'expired' | 'damaged' | 'error'>(link.token ? 'ready' : 'expired');
  const [message, setMessage] = useState<string>();
  const next = safeNext(link.next);

  // A new link pasted over this page changes only the fragment: the browser does not load the page again.
  useEffect(() => {
    const onHashChange = () => {
      const pasted = linkParams({});
      if (!pasted.token) return;
      setLink(pasted);
      setMessage(undefined);
      setState('ready');
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const continueSignIn = async () => {
    setState('busy');
    forgetToken();
    try {
      await post('/auth/sessions', { token: link.token });
      await refresh();
      // Replaces this page's history entry: Back does not return to a used link.
      location.route(next, true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState('expired');
      // A token the server cannot read at all (cut short or changed when copied) is no use to try again.
      else if (e instanceof ApiError && e.status === 400) setState('damaged');
      else {
        setMessage(e instanceof ApiError ? e.message : 'Something went wrong.');
        setState('error');
      }
    }
  };

  // Someone already signed in here who opens a link again (an older email, a second tap) needs no new link.
  const stillSignedIn = me ? (
    <Notice kind="info">
      You are signed in as <strong>{me.email}</strong>. <a href={next}>Go to your page</a>
    </Notice>
  ) : null;
  if (state === 'expired' || state === 'damaged') {
    return (
      <Layout narrow>
        <div class="card">
          <h1>{state === 'expired' ? 'This sign-in link has expired or was already used' : 'This sign-in link is not complete'}</h1>
          {stillSignedIn}
          <SignInForm
            next={next}
            lead={state === 'expired' ? 'Links work once and for 15 minutes. Ask for a new one:' : 'Part of it may have been lost when it was copied or opened. Ask for a new one:'}
          />
        </div>
      </Layout>
    );
  }
  return (
    <Layout narrow>
      <div class="card">
        {/* The first visit from a request's email lands here as well as a return: the words fit both. */}
        <h1>Open your Atelier page</h1>
        {stillSignedIn}
        {state === 'error' && message ? <Notice kind="error">{message}</Notice> : null}
        <p>One click signs you in on this device and takes you to your page.</p>
        <button class="button primary block" type="button" onClick={continueSignIn} disabled={state === 'busy'}>
          {state === 'busy' ? 'Signing in…' : 'Continue to Atelier'}
        </button>
      </div>
    </Layout>
  );
}
