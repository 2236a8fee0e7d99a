import { beforeAll, describe, expect, it } from 'vitest';
import * as z from '#shared/zod.ts';

/** Counts the zod schemas built from here on: zod binds each enumerable member of ZodType's prototype to every new schema. */
const built = { count: 0 };
Object.defineProperty(z.ZodType.prototype, 'countsAsBuilt', {
  enumerable: true,
  configurable: true,
  get() {
    built.count++;
    return () => undefined;
  },
});

let app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
let builtWhenDeclared: number;
beforeAll(async () => {
  const { createApp } = await import('#functions/api/app.ts');
  const { createApiDeps } = await import('#functions/api/deps.ts');
  const { parseConfig } = await import('#shared/config.ts');
  const config = parseConfig({ ATELIER_MODE: 'local', TABLE_NAME: 't', UPLOADS_BUCKET: 'b', PUBLIC_URL: 'http://localhost:3000', DYNAMODB_ENDPOINT: 'http://localhost:1', S3_ENDPOINT: 'http://localhost:1', LOG_LEVEL: 'SILENT' });
  app = createApp(createApiDeps(config));
  builtWhenDeclared = built.count;
});

// Tests in order: each schema is built once, by whichever asks for it first.
describe("the API's schemas a cold start need not build", () => {
  it('are not built when the routes are declared, nor by a request without a body', async () => {
    expect(builtWhenDeclared).toBeGreaterThan(50);
    const res = await app.request('/api/me');
    expect(res.status).toBe(401);
    expect(built.count).toBe(builtWhenDeclared);
  });

  it("include a request body's, built and applied by the first request that sends one", async () => {
    const before = built.count;
    const res = await app.request('/api/auth/magic-links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: 'not an address' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringContaining('Enter a valid email address.') } });
    expect(built.count).toBeGreaterThan(before);
  });

  it('include the responses’, built when the OpenAPI document is asked for', async () => {
    const before = built.count;
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const document = (await res.json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> }>> };
    expect(Object.keys(document.paths['/orders/{orderId}']!.get!.responses['200']!.content!['application/json']!.schema.properties!)).toContain('designs');
    // The order page's response alone describes its order, activity, proofs, comments and files.
    expect(built.count - before).toBeGreaterThan(100);
  });
});
