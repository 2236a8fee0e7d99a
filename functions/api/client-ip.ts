import type { Context } from 'hono';
import type { ApiEnv } from '#functions/api/env.ts';

/**
 * The caller's address, for rate limits. Behind CloudFront the API Gateway source IP is an
 * edge server, so CloudFront's own `CloudFront-Viewer-Address` (which viewers cannot set) wins;
 * locally the socket's peer is the caller.
 */
export function clientIp(c: Context<ApiEnv>): string {
  if (c.var.deps.config.mode === 'aws') {
    const viewer = c.req.header('cloudfront-viewer-address');
    if (viewer) return viewer.replace(/:\d+$/, '');
    const source = c.env?.event?.requestContext?.http?.sourceIp;
    if (source) return source;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
