import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Me } from '#shared/schemas/auth.ts';
import { ApiError, del, get } from './api.ts';

type SessionState = { me: Me | null | undefined; refresh(): Promise<Me | null>; signOut(): Promise<void> };

const SessionContext = createContext<SessionState>({ me: undefined, refresh: async () => null, signOut: async () => undefined });

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
  return <SessionContext.Provider value={{ me, refresh, signOut }}>{props.children}</SessionContext.Provider>;
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
