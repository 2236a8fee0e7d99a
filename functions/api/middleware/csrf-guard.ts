import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '#functions/api/env.ts';
import { AppError } from '#shared/errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must come from the portal's own origin: its `Origin` header
 * must be the portal's, or, where a browser sends no Origin, `Sec-Fetch-Site` must say
 * same-origin. Hono's `csrf()` lets JSON bodies through on the strength of CORS preflight;
 * this check does not lean on that (see docs/decisions/0004-sign-in.md).
 */
export const csrfGuard = (options: { allowedOrigins: string[]; exempt?: (path: string) => boolean }) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method) || options.exempt?.(c.req.path)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const allowed = origin ? options.allowedOrigins.includes(origin) : fetchSite === 'same-origin';
    if (!allowed) throw new AppError('csrf_rejected', 'This request did not come from the Atelier portal.');
    return next();
  });
