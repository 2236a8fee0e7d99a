import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Me } from '#shared/schemas/auth.ts';
import { ApiError, del, get, sessionEndedEvent } from './api.ts';

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
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
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
 * The signed-in person of the kind a page is for, or a redirect: to sign-in (coming back here
 * afterwards) when nobody is signed in, to their own home when they are the other kind.
 */
export function useRequire<K extends Me['kind']>(kind: K): Extract<Me, { kind: K }> | undefined {
  const { me } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me === null) location.route(`/sign-in?next=${encodeURIComponent(location.url)}`, true);
    else if (me && me.kind !== kind) location.route(me.kind === 'seller' ? '/dashboard' : '/home', true);
  }, [me, kind]);
  return me && me.kind === kind ? (me as Extract<Me, { kind: K }>) : undefined;
}
