import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '#functions/api/env.ts';
import { sessionAbsoluteDays } from '#shared/domain/auth/policy.ts';

/**
 * Over https the cookie is `__Host-atelier_session` (Secure, Path=/, no Domain); plain-http
 * local mode cannot use the prefix, so it is `atelier_session` there.
 */
const baseName = 'atelier_session';
const secure = (c: Context<ApiEnv>) => c.var.deps.config.secureCookies;

export function readSessionCookie(c: Context<ApiEnv>): string | undefined {
  return secure(c) ? getCookie(c, baseName, 'host') : getCookie(c, baseName);
}

export function writeSessionCookie(c: Context<ApiEnv>, sessionId: string): void {
  setCookie(c, baseName, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    maxAge: sessionAbsoluteDays * 24 * 60 * 60,
    ...(secure(c) ? { prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(c: Context<ApiEnv>): void {
  deleteCookie(c, baseName, { path: '/', secure: secure(c), httpOnly: true, sameSite: 'Lax', ...(secure(c) ? { prefix: 'host' as const } : {}) });
}
