import { isIPv6 } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { magicLinkLimits } from '#shared/domain/auth/policy.ts';
import { referenceUploadLimit } from '#shared/domain/intake/request-reference-upload.ts';
import { requestLimits } from '#shared/domain/orders/submit-request.ts';
import { TestClient } from '#test/helpers/http.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(() => ctx.dispose());

/** A new address, every time, on one customer's IPv6 line (a /64): what a bypass would rotate through. */
let host = 0;
function onLine(prefix: string) {
  const ip = `${prefix}:${(++host).toString(16)}:${((host * 7919) % 0x10000).toString(16)}:0:1`;
  expect(isIPv6(ip)).toBe(true);
  return new TestClient(ctx, { ip });
}

/** Statuses of `count` calls, each from a fresh address of the /64 `prefix`. */
async function statuses(count: number, prefix: string, call: (client: TestClient, i: number) => Promise<Response>) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await call(onLine(prefix), i)).status);
  return out;
}

describe('per-IP limits count an IPv6 /64 as one caller', () => {
  it('for sign-in links', async () => {
    const { limit } = magicLinkLimits.perIp;
    const seen = await statuses(limit + 1, '2001:db8:a:1', (c, i) => c.post('/api/auth/magic-links', { email: `v6-${i}@example.test` }));
    expect(seen.slice(0, limit).every((s) => s === 202)).toBe(true);
    expect(seen[limit]).toBe(429);
    // Another line is another caller.
    expect((await onLine('2001:db8:a:2').post('/api/auth/magic-links', { email: 'v6-other@example.test' })).status).toBe(202);
  });

  it('for order requests', async () => {
    const { limit } = requestLimits.perIp;
    const answers = { engraving: 'V6', wood: 'Oak', size: 'Small (30 × 20 cm)' };
    const seen = await statuses(limit + 1, '2001:db8:b:1', (c, i) => c.post('/api/shops/demo/requests', { name: 'Vee Six', email: `v6-req-${i}@example.test`, answers }));
    expect(seen.slice(0, limit).every((s) => s === 201)).toBe(true);
    expect(seen[limit]).toBe(429);
    expect((await onLine('2001:db8:b:2').post('/api/shops/demo/requests', { name: 'Vee Six', email: 'v6-req-other@example.test', answers })).status).toBe(201);
  });

  it('for reference uploads', async () => {
    const { limit } = referenceUploadLimit;
    const upload = { filename: 'sketch.png', contentType: 'image/png', size: 1000 };
    const seen = await statuses(limit + 1, '2001:db8:c:1', (c) => c.post('/api/shops/demo/request-uploads', upload));
    expect(seen.slice(0, limit).every((s) => s === 201)).toBe(true);
    expect(seen[limit]).toBe(429);
    expect((await onLine('2001:db8:c:2').post('/api/shops/demo/request-uploads', upload)).status).toBe(201);
  });

  it('and an IPv4 address written IPv4-mapped as that IPv4 address', async () => {
    const { limit } = magicLinkLimits.perIp;
    const seen: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const ip = i % 2 ? '192.0.2.77' : '::ffff:192.0.2.77';
      seen.push((await new TestClient(ctx, { ip }).post('/api/auth/magic-links', { email: `mapped-${i}@example.test` })).status);
    }
    expect(seen[limit]).toBe(429);
  });
});
