import { epochSeconds } from '#shared/db/db.ts';
import { putMagicLink } from '#shared/db/magic-link.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { magicLinkMinutes } from '#shared/domain/auth/policy.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';

/**
 * Mints a one-time sign-in token for `email` and returns the portal link that carries it
 * (the token itself is stored only as its hash). `next` is where the portal lands afterwards.
 */
export async function createSignInLink(ctx: DomainContext, email: string, next?: string): Promise<string> {
  const token = newSecret();
  const now = ctx.now();
  await putMagicLink(ctx.db, { tokenHash: sha256(token), email, createdAt: now.toISOString(), expiresAt: epochSeconds(now) + magicLinkMinutes * 60 });
  const link = new URL('/auth/verify', ctx.config.publicUrl);
  link.searchParams.set('token', token);
  if (next) link.searchParams.set('next', next);
  return link.toString();
}
