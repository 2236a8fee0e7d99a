import type { RateLimitRule } from '#shared/db/rate-limit.ts';

/** The numbers of sign-in (DESIGN §5), in one place. */
export const magicLinkMinutes = 15;
export const sessionIdleDays = 14;
export const sessionAbsoluteDays = 30;
/** Sliding the idle expiry costs a write, so it happens at most this often per session. */
export const sessionTouchEveryMinutes = 60;

export const magicLinkLimits = {
  /**
   * A quiet cap against mail-bombing one address: past it the answer is still 202 and no email
   * is sent. Refusing out loud would let a stranger lock anyone out by asking five times.
   */
  perEmail: { name: 'magic-link-email', limit: 5, windowSeconds: 15 * 60 } satisfies RateLimitRule,
  /** Out loud (429), per address or IPv6 /64: the caller is the one asking too often. */
  perIp: { name: 'magic-link-ip', limit: 30, windowSeconds: 15 * 60 } satisfies RateLimitRule,
};
