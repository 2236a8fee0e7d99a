import { describe, expect, it } from 'vitest';
import * as z from '#shared/zod.ts';

/** Counts the zod schemas built from here on: zod binds each enumerable member of ZodType's prototype to every new schema. */
function countSchemasBuilt(): { readonly count: number } {
  const counter = { count: 0 };
  Object.defineProperty(z.ZodType.prototype, 'countsAsBuilt', {
    enumerable: true,
    configurable: true,
    get() {
      counter.count++;
      return () => undefined;
    },
  });
  return counter;
}

describe("the API's response schemas", () => {
  it('are built when the OpenAPI document is asked for, not when the routes are declared', async () => {
    const built = countSchemasBuilt();
    const { createApp } = await import('#functions/api/app.ts');
    const { createApiDeps } = await import('#functions/api/deps.ts');
    const { parseConfig } = await import('#shared/config.ts');
    const app = createApp(
      createApiDeps(
        parseConfig({ ATELIER_MODE: 'local', TABLE_NAME: 't', UPLOADS_BUCKET: 'b', PUBLIC_URL: 'http://localhost:3000', DYNAMODB_ENDPOINT: 'http://localhost:1', S3_ENDPOINT: 'http://localhost:1', LOG_LEVEL: 'SILENT' }),
      ),
    );
    const whenDeclared = built.count;
    expect(whenDeclared).toBeGreaterThan(100);

    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const document = (await res.json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> }>> };
    expect(Object.keys(document.paths['/orders/{orderId}']!.get!.responses['200']!.content!['application/json']!.schema.properties!)).toContain('designs');
    // The order page alone describes its order, activity, proofs, comments and files.
    expect(built.count - whenDeclared).toBeGreaterThan(100);
  });
});
