import { epochSeconds } from '#shared/db/db.ts';
import { getSession, touchSession, type Session } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { sessionIdleDays, sessionTouchEveryMinutes } from '#shared/domain/auth/policy.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';

/** The live session behind a cookie value, with its idle expiry slid forward now and then. */
export async function resolveSession(ctx: DomainContext, sessionId: string): Promise<Session | undefined> {
  const now = ctx.now();
  const session = await getSession(ctx.db, sha256(sessionId), now);
  if (!session) return undefined;
  const nowSeconds = epochSeconds(now);
  if (session.absoluteExpiresAt <= nowSeconds) return undefined;

  const minutesSinceSeen = (now.getTime() - Date.parse(session.lastSeenAt)) / 60_000;
  if (minutesSinceSeen >= sessionTouchEveryMinutes) {
    const expiresAt = Math.min(session.absoluteExpiresAt, nowSeconds + sessionIdleDays * 24 * 60 * 60);
    await touchSession(ctx.db, session.idHash, now.toISOString(), expiresAt);
    return { ...session, lastSeenAt: now.toISOString(), expiresAt };
  }
  return session;
}
