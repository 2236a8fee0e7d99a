import { deleteSession } from '#shared/db/session.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';

export async function signOut(ctx: DomainContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sha256(sessionId));
}
