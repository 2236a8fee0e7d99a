import type { RateLimitRule } from '#shared/db/rate-limit.ts';

/** The numbers of sign-in (DESIGN §5), in one place. */
export const magicLinkMinutes = 15;
export const sessionIdleDays = 14;
export const sessionAbsoluteDays = 30;
/** Sliding the idle expiry costs a write, so it happens at most this often per session. */
export const sessionTouchEveryMinutes = 60;

export const magicLinkLimits = {
  perEmail: { name: 'magic-link-email', limit: 5, windowSeconds: 15 * 60 } satisfies RateLimitRule,
  perIp: { name: 'magic-link-ip', limit: 30, windowSeconds: 15 * 60 } satisfies RateLimitRule,
};
