import { epochSeconds } from '#shared/db/db.ts';
import { putMagicLink } from '#shared/db/magic-link.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { magicLinkMinutes } from '#shared/domain/auth/policy.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';

/**
 * Mints a one-time sign-in token for `email` and returns the portal link that carries it
 * (the token itself is stored only as its hash). `next` is where the portal lands afterwards.
 *
 * Both ride in the URL's fragment (`/auth/verify#token=…&next=…`), which browsers never send to a
 * server: the token stays out of CloudFront's access logs, proxy logs and the Referer of whatever
 * the verify page loads. The page reads the fragment itself.
 */
export async function createSignInLink(ctx: DomainContext, email: string, next?: string): Promise<string> {
  const token = newSecret();
  const now = ctx.now();
  await putMagicLink(ctx.db, { tokenHash: sha256(token), email, createdAt: now.toISOString(), expiresAt: epochSeconds(now) + magicLinkMinutes * 60 });
  const link = new URL('/auth/verify', ctx.config.publicUrl);
  const fragment = new URLSearchParams({ token });
  if (next) fragment.set('next', next);
  link.hash = fragment.toString();
  return link.toString();
}
