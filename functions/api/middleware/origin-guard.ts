import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '#functions/api/env.ts';
import { AppError } from '#shared/errors.ts';
import { originSecretHeader } from '#shared/security/origin-secret-header.ts';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * In AWS the API answers only requests that came through the portal's CloudFront distribution:
 * the HTTP API's own execute-api address stays reachable, and a caller there could set
 * `CloudFront-Viewer-Address` themselves and slip past the per-address rate limits
 * (docs/decisions/0020-the-api-only-behind-cloudfront.md). Locally there is no CloudFront.
 */
export const originGuard = (expected: string | undefined) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (expected === undefined) return next();
    const given = c.req.header(originSecretHeader);
    if (given === undefined || !sameSecret(given, expected)) {
      throw new AppError('forbidden', 'The Atelier API answers only at the portal’s address.');
    }
    return next();
  });
