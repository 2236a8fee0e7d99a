import { S3ServiceException } from '@aws-sdk/client-s3';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '#functions/api/env.ts';
import { onError } from './errors.ts';

/** An app whose one route fails with `error`, answered by the API's own error handler. */
const failingWith = (error: unknown) => {
  const app = new Hono<ApiEnv>().get('/', () => {
    throw error;
  });
  app.onError(onError);
  return app;
};

describe('the error handler', () => {
  it('answers a storage service’s own failure (S3 InternalError past the retries) as 503, to try again', async () => {
    const s3Fault = new S3ServiceException({ name: 'InternalError', $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 3 }, message: 'We encountered an internal error. Please try again.' });
    const res = await failingWith(s3Fault).request('/');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).error.code).toBe('service_unavailable');
  });

  it('keeps a refusal of ours by a service (a client fault) and any unknown error an opaque 500', async () => {
    const clientFault = new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' });
    for (const error of [clientFault, new Error('a bug')]) {
      const res = await failingWith(error).request('/');
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error.code).toBe('internal');
      expect(body.error.message).not.toContain('Access Denied');
    }
  });
});
