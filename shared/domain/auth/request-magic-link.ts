import { hitRateLimit } from '#shared/db/rate-limit.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { findPrincipal } from '#shared/domain/auth/find-principal.ts';
import { magicLinkLimits, magicLinkMinutes } from '#shared/domain/auth/policy.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';
import { createSignInLink } from '#shared/domain/auth/create-sign-in-link.ts';
import { AppError } from '#shared/errors.ts';

export type RequestMagicLinkInput = { email: string; next?: string | undefined; ip: string };

/**
 * Emails a one-time sign-in link to a known seller or customer. The caller learns nothing
 * about whether the email is known: the answer and the rate limits are the same either way.
 */
export async function requestMagicLink(ctx: DomainContext, input: RequestMagicLinkInput): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  for (const [rule, subject] of [
    [magicLinkLimits.perIp, input.ip],
    [magicLinkLimits.perEmail, sha256(email)],
  ] as const) {
    const verdict = await hitRateLimit(ctx.db, rule, subject, now);
    if (!verdict.allowed) {
      throw new AppError('rate_limited', `Too many sign-in requests. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes.`, {
        headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
      });
    }
  }

  const principal = await findPrincipal(ctx.db, email);
  if (!principal) return;

  const link = await createSignInLink(ctx, email, input.next);
  // Templates (and Preact) load with the first email, not at every cold start.
  const { signInEmail } = await import('#shared/mail/templates/sign-in-email.tsx');
  await ctx.mailer.send(signInEmail({ to: email, link, minutesValid: magicLinkMinutes }));
}
