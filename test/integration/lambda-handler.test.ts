import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '#functions/bundle.ts';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { epochSeconds } from '#shared/db/db.ts';
import { putMagicLink } from '#shared/db/magic-link.ts';
import { newSecret, sha256 } from '#shared/domain/auth/secrets.ts';
import { setLambdaEnvironment } from '#test/helpers/lambda-environment.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let bundleDir: string;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode: number; body: string; headers?: Record<string, string>; cookies?: string[] }>;

function event(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'vitest' },
      requestId: 'req-lambda-1',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '25/Nov/2026:10:00:00 +0000',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  setLambdaEnvironment(ctx);
  // What ships: the esbuild bundle with its lazily loaded chunks (S3, SES, templates).
  const bundle = await bundleFunction(join(repoRoot, 'functions/api/index.ts'), (bundleDir = mkdtempSync(join(tmpdir(), 'atelier-api-bundle-'))));
  ({ handler } = (await import(pathToFileURL(bundle.file).href)) as never);
}, 60_000);
afterAll(async () => {
  await ctx.dispose();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('the api Lambda handler', () => {
  it('answers an API Gateway HTTP API v2 event', async () => {
    const res = await handler(event('GET', '/api/health'), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, checks: { dynamodb: 'ok', s3: 'ok' } });
    expect(res.headers?.['x-request-id']).toBe('req-lambda-1');
  });

  it('accepts a sign-in request and refuses a cross-origin one', async () => {
    const ok = await handler(
      event('POST', '/api/auth/magic-links', { body: { email: 'ana@demo.test' }, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' } }),
      {} as Context,
    );
    expect(ok.statusCode).toBe(202);
    // The email template is a chunk of its own, loaded with the first email.
    const mailbox = JSON.parse((await handler(event('GET', '/api/dev/mailbox'), {} as Context)).body);
    expect(mailbox.messages[0]).toMatchObject({ to: 'ana@demo.test', text: expect.stringContaining('/auth/verify#token=') });
    const forged = await handler(
      event('POST', '/api/auth/magic-links', { body: { email: 'ana@demo.test' }, headers: { 'content-type': 'application/json', origin: 'https://evil.example' } }),
      {} as Context,
    );
    expect(forged.statusCode).toBe(403);
    expect(JSON.parse(forged.body).error.code).toBe('csrf_rejected');
  });

  it('returns the session cookie in the v2 cookies field', async () => {
    const token = newSecret();
    const now = new Date();
    await putMagicLink(ctx.deps.db, { tokenHash: sha256(token), email: 'ben@demo.test', createdAt: now.toISOString(), expiresAt: epochSeconds(now) + 600 });
    const res = await handler(
      event('POST', '/api/auth/sessions', { body: { token }, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' } }),
      {} as Context,
    );
    expect(res.statusCode).toBe(204);
    expect(res.cookies?.[0]).toMatch(/^atelier_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('loads the file use cases with the first file link, and signs it', async () => {
    const token = newSecret();
    const now = new Date();
    await putMagicLink(ctx.deps.db, { tokenHash: sha256(token), email: 'ana@demo.test', createdAt: now.toISOString(), expiresAt: epochSeconds(now) + 600 });
    const signIn = await handler(event('POST', '/api/auth/sessions', { body: { token }, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' } }), {} as Context);
    const cookie = signIn.cookies![0]!.split(';')[0]!;
    const orders = JSON.parse((await handler(event('GET', '/api/orders', { headers: { cookie } }), {} as Context)).body);
    let proof: { orderId: string; fileId: string } | undefined;
    for (const { orderId } of orders.items as { orderId: string }[]) {
      const page = JSON.parse((await handler(event('GET', `/api/orders/${orderId}`, { headers: { cookie } }), {} as Context)).body);
      const fileId = page.designs?.[0]?.files?.[0]?.fileId;
      if (fileId) proof = { orderId, fileId };
    }
    expect(proof).toBeDefined();
    const link = await handler(event('GET', `/api/orders/${proof!.orderId}/files/${proof!.fileId}`, { headers: { cookie } }), {} as Context);
    expect(link.statusCode).toBe(302);
    expect(link.headers?.location).toMatch(/X-Amz-Signature=/);
  });
});
