import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { parseConfig } from '#shared/config.ts';
import { originSecretHeader } from '#shared/security/origin-secret-header.ts';
import { TestClient, tokenFromMailbox } from '#test/helpers/http.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(() => ctx.dispose());

describe('the API surface', () => {
  it('serves an OpenAPI 3.1 document of every route', async () => {
    const res = await ctx.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    // Completeness is the authorization matrix's job (a route missing from its table fails it).
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/auth/magic-links',
      '/auth/sessions',
      '/auth/sessions/current',
      '/dev/mailbox',
      '/health',
      '/me',
      '/orders',
      '/orders/{orderId}',
      '/orders/{orderId}/transitions',
      '/shop/intake-forms',
      '/shop/intake-forms/{formId}',
      '/shop/summary',
      '/shops/{slug}/intake-form',
      '/shops/{slug}/requests',
    ]));
    expect(doc.paths['/auth/magic-links'].post.requestBody.content['application/json'].schema.properties.email).toBeDefined();
  });

  it('serves a reference page at /api/docs', async () => {
    const res = await ctx.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('POST /auth/magic-links');
    expect(html).not.toMatch(/<script src="http/);
  });

  it('answers an unknown API route with a 404 in the error shape', async () => {
    const res = await ctx.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('sets security headers on API responses', async () => {
    const res = await ctx.app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports the DynamoDB requests of each request in Server-Timing (local mode)', async () => {
    const client = new TestClient(ctx);
    await client.post('/api/auth/magic-links', { email: 'ana@demo.test' });
    await client.post('/api/auth/sessions', { token: tokenFromMailbox(ctx, 'ana@demo.test') });
    const me = await client.get('/api/me');
    // A customer's /api/me is the session lookup alone.
    expect(me.headers.get('server-timing')).toMatch(/^ddb;desc="1";dur=\d+(\.\d)?$/);
    const anonymous = await new TestClient(ctx).get('/api/me');
    expect(anonymous.headers.get('server-timing')).toMatch(/^ddb;desc="0";/);
  });

  it('lists the dev mailbox newest first in local mode', async () => {
    await ctx.mailbox.send({ to: 'a@x.test', subject: 'first', text: 't', html: '<p>h</p>' });
    await ctx.mailbox.send({ to: 'b@x.test', subject: 'second', text: 't', html: '<p>h</p>' });
    const res = await ctx.app.request('/api/dev/mailbox');
    expect(res.status).toBe(200);
    const { messages } = await res.json();
    expect(messages[0]).toMatchObject({ to: 'b@x.test', subject: 'second', text: 't', html: '<p>h</p>' });
    expect(messages[0].id).toBeTypeOf('string');
    expect(Date.parse(messages[0].sentAt)).not.toBeNaN();
    expect(messages[1].subject).toBe('first');
  });

  it('has no dev mailbox in AWS mode', async () => {
    const originSecret = 'a-secret-only-cloudfront-and-the-api-know';
    const aws = parseConfig({ ATELIER_MODE: 'aws', TABLE_NAME: 't', UPLOADS_BUCKET: 'b', PUBLIC_URL: 'https://atelier.example', LOG_LEVEL: 'SILENT', EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:events', ORIGIN_SECRET: originSecret });
    const deps = createApiDeps(aws);
    expect(deps.devMailbox).toBeUndefined();
    const viaCloudFront = { headers: { [originSecretHeader]: originSecret } };
    const res = await createApp(deps).request('/api/dev/mailbox', viaCloudFront);
    expect(res.status).toBe(404);
    const doc = await (await createApp(deps).request('/api/openapi.json', viaCloudFront)).json();
    expect(doc.paths['/dev/mailbox']).toBeUndefined();
  });
});
