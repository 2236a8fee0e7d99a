import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '#functions/api/env.ts';
import { readSessionCookie } from '#functions/api/session-cookie.ts';
import type { Principal } from '#shared/db/session.ts';
import { resolveSession } from '#shared/domain/auth/resolve-session.ts';
import { AppError } from '#shared/errors.ts';

/** Loads the caller's session, if the request carries a live one (one GetItem, A6). */
export const loadSession = createMiddleware<ApiEnv>(async (c, next) => {
  const sessionId = readSessionCookie(c);
  c.set('sessionId', sessionId);
  c.set('session', sessionId ? await resolveSession(c.var.deps, sessionId) : undefined);
  return next();
});

export function requirePrincipal(c: Context<ApiEnv>): Principal {
  const principal = c.var.session?.principal;
  if (!principal) throw new AppError('unauthorized', 'Sign in to continue.');
  return principal;
}

export function requireSeller(c: Context<ApiEnv>): Extract<Principal, { kind: 'seller' }> {
  const principal = requirePrincipal(c);
  if (principal.kind !== 'seller') throw new AppError('forbidden', 'Only a shop\'s seller can do this.');
  return principal;
}
