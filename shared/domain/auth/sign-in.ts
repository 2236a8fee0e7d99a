import { epochSeconds } from '#shared/db/db.ts';
import { consumeMagicLink } from '#shared/db/magic-link.ts';
import { deleteSession, putSession, type Session } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { findPrincipal } from '#shared/domain/auth/find-principal.ts';
import { sessionAbsoluteDays, sessionIdleDays } from '#shared/domain/auth/policy.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';
import { AppError } from '#shared/errors.ts';

const day = 24 * 60 * 60;

/**
 * Exchanges a magic-link token for a new session. The token is consumed by one conditional
 * delete, so it works once; any session the browser already had is ended (rotation).
 */
export async function signIn(
  ctx: DomainContext,
  input: { token: string; previousSessionId?: string | undefined },
): Promise<{ sessionId: string; session: Session }> {
  const now = ctx.now();
  const link = await consumeMagicLink(ctx.db, sha256(input.token), now);
  if (!link) throw new AppError('invalid_token', 'This sign-in link has expired or was already used. Ask for a new one.');

  const principal = (await findPrincipal(ctx.db, link.email)) ?? { kind: 'customer' as const, email: link.email };
  if (input.previousSessionId) await deleteSession(ctx.db, sha256(input.previousSessionId));

  const sessionId = newSecret();
  const nowSeconds = epochSeconds(now);
  const session: Session = {
    idHash: sha256(sessionId),
    principal,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    absoluteExpiresAt: nowSeconds + sessionAbsoluteDays * day,
    expiresAt: nowSeconds + sessionIdleDays * day,
  };
  await putSession(ctx.db, session);
  return { sessionId, session };
}
