import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import type { Principal } from '#shared/db/session.ts';
import type { Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { accessTable, type Fixture } from '#test/security/access-table.ts';

let ctx: TestContext;
let shop: Shop;
let clients: TestClient[];
let operations: Array<{ key: string; method: string; path: string }>;
let fixture: Fixture;

/** Everything stored, minus what a refused request may legitimately touch (rate-limit counters). */
async function snapshot(): Promise<string> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ctx.deps.db.ddb.send(new ScanCommand({ TableName: ctx.deps.db.table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items.filter((i) => !String(i.pk).startsWith('RATE#')).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  const seller: Principal = { kind: 'seller', email: demo.seller.email, shopId: shop.shopId };
  const customer: Principal = { kind: 'customer', email: 'ana@demo.test' };
  clients = [await clientAs(ctx, seller), await clientAs(ctx, customer), await clientAs(ctx, undefined)];
  const order = await createOrder(ctx.deps, { shop, title: 'Fuzz target', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } });
  const forms = await (await clients[0]!.get('/api/shop/intake-forms')).json();
  fixture = { orderId: order.orderId, orderVersion: order.version, formId: forms.forms[0].formId, formVersion: forms.forms[0].version, uploadId: '0000000000000000', fileId: '0000000000000000', review: { orderId: order.orderId, designId: '0000000000000000', commentId: '0000000000000000' }, approved: { orderId: order.orderId, designId: '0000000000000000' }, unique: 'fuzz' };
  const doc = await (await ctx.app.request('/api/openapi.json')).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path })),
  );
});
afterAll(() => ctx.dispose());

/** Strings that tend to break things: unicode of every plane, control characters, huge ones. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%00', '{{7*7}}', '<script>alert(1)</script>', "' OR 1=1 --", '🌿'.repeat(3000), 'a'.repeat(70_000), 'ORDER#x', '__proto__'),
);
const anyValue = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** A valid body with one field (or a nested one) replaced by something random. */
function mutated(valid: unknown) {
  return fc.tuple(fc.nat(), anyValue).map(([pick, value]) => {
    if (!valid || typeof valid !== 'object') return value;
    const copy = structuredClone(valid) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % Math.max(keys.length, 1)] ?? 'x';
    copy[key] = value;
    return copy;
  });
}

const rawBody = fc.oneof(nastyString, fc.constantFrom('{', '{"a":', '[]', 'null', '1e999', '{"__proto__":{"admin":true}}'));

describe('fuzzing every operation', () => {
  it('never answers 5xx, always uses the error shape, and a refused request changes nothing stored', async () => {
    for (const op of operations) {
      const row = accessTable[op.key];
      const validBody = row?.body?.(fixture);
      const pathId = fc.oneof(fc.constant(fixture.orderId), nastyString.map((s) => encodeURIComponent(s).slice(0, 3000)));
      const body = validBody === undefined ? fc.oneof(fc.constant(undefined), anyValue) : fc.oneof(mutated(validBody), anyValue);
      const query = fc.dictionary(fc.constantFrom('status', 'q', 'limit', 'cursor', 'dueBefore', 'sort', 'formId', 'x'), nastyString.map((s) => s.slice(0, 500)), { maxKeys: 3 });

      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 2 }), pathId, body, query, fc.boolean(), rawBody, async (who, id, json, params, sendRaw, raw) => {
          const path = `/api${op.path.replace('{orderId}', id).replace('{formId}', id).replace('{uploadId}', id).replace('{fileId}', id).replace('{designId}', id).replace('{commentId}', id).replace('{slug}', id === fixture.orderId ? 'demo' : id)}`;
          const search = new URLSearchParams(params).toString();
          const before = op.method === 'GET' ? '' : await snapshot();
          const client = clients[who]!;
          const res = await client.request(op.method, `${path}?${search}`, sendRaw ? { rawBody: raw } : json === undefined ? {} : { json });
          expect(res.status, `${op.key} → ${res.status}`).toBeLessThan(500);
          if (res.status >= 400) {
            const payload = await res.json();
            expect(typeof payload.error?.code).toBe('string');
            expect(typeof payload.error?.message).toBe('string');
            if (op.method !== 'GET' && op.key !== 'DELETE /auth/sessions/current') expect(await snapshot()).toBe(before);
          }
        }),
        { numRuns: 30, seed: 20261125 },
      );
    }
  }, 300_000);
});
