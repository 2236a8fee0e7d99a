import { createContext, type ComponentChildren, type ComponentType } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Me } from '#shared/schemas/auth.ts';
import { ApiError, del, get, sessionEndedEvent } from './api.ts';

/** The server's readable mark that someone signed in in this browser (the session cookie itself is HttpOnly). */
const signedInHere = () => /(?:^|;\s*)(?:__Host-)?atelier_signed_in=/.test(document.cookie);

type SessionState = {
  me: Me | null | undefined;
  /** The page's requests are refused because the session ended while it was open. */
  ended: boolean;
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionState>({ me: undefined, ended: false, refresh: async () => null, signOut: async () => undefined });

/** Who is signed in: `undefined` while asking, `null` when nobody. */
export function SessionProvider(props: { children: ComponentChildren }) {
  // With no sign-in mark, nobody is signed in here: known at once, without a request.
  const [me, setMe] = useState<Me | null | undefined>(() => (signedInHere() ? undefined : null));
  const refresh = useCallback(async () => {
    if (!signedInHere()) {
      setMe(null);
      return null;
    }
    try {
      const who = await get<Me>('/me');
      setMe(who);
      return who;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setMe(null);
        return null;
      }
      throw error;
    }
  }, []);
  const signOut = useCallback(async () => {
    await del('/auth/sessions/current');
    setMe(null);
  }, []);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  // An ended session keeps the page (and what was typed in it) rather than leaving for sign-in.
  // The sign-in link opens in another tab; coming back here, the new session is picked up.
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const end = () => setEnded(true);
    window.addEventListener(sessionEndedEvent, end);
    return () => window.removeEventListener(sessionEndedEvent, end);
  }, []);
  useEffect(() => {
    if (!ended) return;
    const pickUp = () => {
      if (document.visibilityState === 'hidden') return;
      get<Me>('/me').then(
        (who) => {
          setMe(who);
          setEnded(false);
        },
        () => undefined,
      );
    };
    window.addEventListener('focus', pickUp);
    document.addEventListener('visibilitychange', pickUp);
    return () => {
      window.removeEventListener('focus', pickUp);
      document.removeEventListener('visibilitychange', pickUp);
    };
  }, [ended]);
  const signOutHere = useCallback(async () => {
    await signOut();
    setEnded(false);
  }, [signOut]);
  return <SessionContext.Provider value={{ me, ended: ended && Boolean(me), refresh, signOut: signOutHere }}>{props.children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/**
 * A page for signed-in people only. With nobody signed in it is not drawn, so it sends no request
 * only to have it refused, and the person goes to sign in, coming back here afterwards.
 */
export function signedInOnly<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function SignedInOnly(props: P) {
    const { me } = useSession();
    const location = useLocation();
    useEffect(() => {
      if (me === null) location.route(`/sign-in?next=${encodeURIComponent(location.url)}`, true);
    }, [me]);
    return me === null ? null : <Page {...props} />;
  };
}

/**
 * The signed-in person of the kind a page is for; one of the other kind is sent to their own
 * home. (Nobody signed in never reaches such a page: it is `signedInOnly`.)
 */
export function useRequire<K extends Me['kind']>(kind: K): Extract<Me, { kind: K }> | undefined {
  const { me } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me && me.kind !== kind) location.route(me.kind === 'seller' ? '/dashboard' : '/home', true);
  }, [me, kind]);
  return me && me.kind === kind ? (me as Extract<Me, { kind: K }>) : undefined;
}
