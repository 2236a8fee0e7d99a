import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '#functions/api/env.ts';
import { sessionAbsoluteDays } from '#shared/domain/auth/policy.ts';

/**
 * Over https the cookie is `__Host-atelier_session` (Secure, Path=/, no Domain); plain-http
 * local mode cannot use the prefix, so it is `atelier_session` there.
 */
const baseName = 'atelier_session';
/**
 * Beside the session, a cookie the portal can read saying only that someone signed in here: with
 * none, the portal knows nobody is without asking `/api/me` and logging its 401 on every public
 * page. It carries no secret, so it need not be HttpOnly; the session itself is still checked.
 */
const signedInMarker = 'atelier_signed_in';
const secure = (c: Context<ApiEnv>) => c.var.deps.config.secureCookies;

export function readSessionCookie(c: Context<ApiEnv>): string | undefined {
  return secure(c) ? getCookie(c, baseName, 'host') : getCookie(c, baseName);
}

export function writeSessionCookie(c: Context<ApiEnv>, sessionId: string): void {
  const options = { path: '/', sameSite: 'Lax' as const, secure: secure(c), maxAge: sessionAbsoluteDays * 24 * 60 * 60, ...(secure(c) ? { prefix: 'host' as const } : {}) };
  setCookie(c, baseName, sessionId, { ...options, httpOnly: true });
  setCookie(c, signedInMarker, '1', options);
}

export function clearSessionCookie(c: Context<ApiEnv>): void {
  const options = { path: '/', secure: secure(c), sameSite: 'Lax' as const, ...(secure(c) ? { prefix: 'host' as const } : {}) };
  deleteCookie(c, baseName, { ...options, httpOnly: true });
  deleteCookie(c, signedInMarker, options);
}
