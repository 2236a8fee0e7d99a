import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiEnv } from '#functions/api/env.ts';
import { AppError } from '#shared/errors.ts';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const send = (c: Context<ApiEnv>, status: ContentfulStatusCode, body: ErrorBody, headers: Record<string, string> = {}) => {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(body, status);
};

/** Network-level failures of a dependency (DynamoDB, S3) rather than a bug of ours. */
function isDependencyDown(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: string; name?: string; $fault?: string; errors?: unknown[]; cause?: unknown };
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'].includes(e.code ?? '')) return true;
    // An AWS service's own failure (S3's InternalError or SlowDown, past the SDK's retries): theirs, and passing.
    if (e.$fault === 'server') return true;
    if (['TimeoutError', 'RequestTimeout', 'ServiceUnavailable', 'ProvisionedThroughputExceededException', 'ThrottlingException', 'InternalServerError'].includes(e.name ?? ''))
      return true;
    current = e.errors?.[0] ?? e.cause;
  }
  return false;
}

/** The one place errors become HTTP: AppError by its code, anything unknown as an opaque 500. */
export const onError: ErrorHandler<ApiEnv> = (error, c) => {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return send(c, error.status, body, error.headers);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthorized' : 'bad_request';
    return send(c, error.status as ContentfulStatusCode, { error: { code, message: error.message || 'The request could not be read.' } });
  }
  const requestId = c.var.requestId;
  if (isDependencyDown(error)) {
    c.var.deps?.logger.warn('dependency unavailable', { requestId, error });
    return send(c, 503, { error: { code: 'service_unavailable', message: 'Atelier cannot reach its storage right now. Try again in a moment.' } }, { 'Retry-After': '5' });
  }
  c.var.deps?.logger.error('unhandled error', { requestId, error });
  return send(c, 500, { error: { code: 'internal', message: `Something went wrong on our side. Reference: ${requestId}` } });
};

export const onNotFound: NotFoundHandler<ApiEnv> = (c) =>
  send(c, 404, { error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } });
