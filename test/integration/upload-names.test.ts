import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { withinNameLimit } from '../../web/src/upload.ts';

let ctx: TestContext;
let seller: TestClient;
let orderId: string;
let ip = 0;
const visitor = () => new TestClient(ctx, { ip: `100.66.0.${++ip}` });

beforeAll(async () => {
  ctx = await createTestContext();
  const { shop } = await seedDemo(ctx.deps);
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  orderId = (await createOrder(ctx.deps, { shop, title: 'Names', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } })).orderId;
});
afterAll(() => ctx.dispose());

// 300 characters of a script outside the Latin one, as a phone's app may name a photo.
const longName = `${'фотография_'.repeat(27).slice(0, 296)}.png`;
const declared = (filename: string) => ({ filename, contentType: 'image/png', size: 1000 });

describe('file names at the upload limit', () => {
  it('refuses a name over 255 characters in plain words, on a request page and on an order', async () => {
    expect(longName).toHaveLength(300);
    for (const res of [await visitor().post('/api/shops/demo/request-uploads', declared(longName)), await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', ...declared(longName) })]) {
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBe('filename: File names are at most 255 characters.');
      expect(error.details).toEqual([{ path: 'filename', message: 'File names are at most 255 characters.' }]);
    }
  });

  it('counts code points: an emoji is one, so 255 of them with their extension are taken, and one more is not', async () => {
    const atLimit = `${'📷'.repeat(251)}.png`;
    expect(Array.from(atLimit)).toHaveLength(255);
    expect((await visitor().post('/api/shops/demo/request-uploads', declared(atLimit))).status).toBe(201);
    expect((await visitor().post('/api/shops/demo/request-uploads', declared(`📷${atLimit}`))).status).toBe(400);
    // The portal leaves a name at the limit as it is, and shortens one past it to the limit.
    expect(withinNameLimit(atLimit)).toBe(atLimit);
    expect(Array.from(withinNameLimit(`📷${atLimit}`))).toHaveLength(255);
  });

  it('takes the name the portal shortens a long one to: its start and its extension, whole characters only', async () => {
    const shortened = withinNameLimit(longName);
    expect(shortened).toHaveLength(255);
    expect(shortened).toMatch(/^фотография_фотография_.*…\.png$/);
    expect((await visitor().post('/api/shops/demo/request-uploads', declared(shortened))).status).toBe(201);

    // Never half a flag (two code points, each of two UTF-16 units).
    const flags = withinNameLimit(`${'🇫🇷'.repeat(200)}.jpeg`);
    expect(flags).toBe(`${'🇫🇷'.repeat(124)}….jpeg`);
    expect((await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', ...declared(flags) })).status).toBe(201);

    expect(withinNameLimit('kitchen.jpg')).toBe('kitchen.jpg');
    // A long "extension" is just more name: the start is kept.
    expect(withinNameLimit(`a.${'b'.repeat(300)}`)).toBe(`a.${'b'.repeat(252)}…`);
    // A letter and its accent as two code points stay together.
    expect(withinNameLimit(`${'e\u0301'.repeat(200)}.png`)).toBe(`${'e\u0301'.repeat(125)}….png`);
  });
});
