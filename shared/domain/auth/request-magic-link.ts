import { hitRateLimit } from '#shared/db/rate-limit.ts';
import { findPrincipal } from '#shared/domain/auth/find-principal.ts';
import { magicLinkLimits, magicLinkMinutes } from '#shared/domain/auth/policy.ts';
import { rateLimitSubject } from '#shared/domain/auth/rate-limit-subject.ts';
import { sha256 } from '#shared/domain/auth/secrets.ts';
import { createSignInLink } from '#shared/domain/auth/create-sign-in-link.ts';
import { AppError } from '#shared/errors.ts';
import { mailFailure, type MailingContext } from '#shared/mail/mail-failure.ts';

export type RequestMagicLinkInput = { email: string; next?: string | undefined; ip: string };

/**
 * The portal pages a sign-in link may land on. Anyone may ask for a link to any address, so
 * the landing path, written out in the email, must not be a place for a stranger's words:
 * any other path is left out and the portal lands on the person's own start page.
 */
const emailedLandingPath = /^\/(?:dashboard|home|forms|settings|orders\/[0-9a-hjkmnp-tv-z]{16})$/;

/**
 * Emails a one-time sign-in link to a known seller or customer. The caller learns nothing
 * about whether the email is known: the answer and the rate limits are the same either way,
 * and so is the answer when the email could not be sent.
 */
export async function requestMagicLink(ctx: MailingContext, input: RequestMagicLinkInput): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  // Out loud, per caller (an IPv6 /64 counts as one): the one asking too often is told.
  const byIp = await hitRateLimit(ctx.db, magicLinkLimits.perIp, rateLimitSubject(input.ip), now);
  if (!byIp.allowed) {
    throw new AppError('rate_limited', `Too many sign-in requests. Try again in ${Math.ceil(byIp.retryAfterSeconds / 60)} minutes.`, {
      headers: { 'Retry-After': String(byIp.retryAfterSeconds) },
    });
  }
  // Quietly, per address: past the cap nothing more is sent, and the answer is the same 202, so a
  // stranger asking for someone else's address can neither mail-bomb them nor lock them out loudly.
  const byEmail = await hitRateLimit(ctx.db, magicLinkLimits.perEmail, sha256(email), now);
  if (!byEmail.allowed) return;

  const principal = await findPrincipal(ctx.db, email);
  if (!principal) return;

  const next = input.next && emailedLandingPath.test(input.next) ? input.next : undefined;
  try {
    const link = await createSignInLink(ctx, email, next);
    // Templates (and Preact) load with the first email, not at every cold start.
    const { signInEmail } = await import('#shared/mail/templates/sign-in-email.tsx');
    await ctx.mailer.send(signInEmail({ to: email, link, minutesValid: magicLinkMinutes }));
  } catch (error) {
    // A failure only a known address can meet must not change the answer: logged, never thrown.
    ctx.logger.error('sign-in email not sent', { principal: principal.kind, ...mailFailure(error) });
  }
}
