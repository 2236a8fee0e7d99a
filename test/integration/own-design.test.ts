import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import type { Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { uploadFile } from '#test/helpers/uploads.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let ana: TestClient;

/** A real 1×1 PNG with trailing bytes that make each file distinct (and its SHA-256 with it). */
const png = (seed: number) =>
  Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), Buffer.from(`#${seed}`)]);
let seeds = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  ana = await clientAs(ctx, { kind: 'customer', email: 'ana@demo.test' });
});
afterAll(() => ctx.dispose());

/** A quoted order of Ana's. */
async function quotedOrder() {
  const order = await createOrder(ctx.deps, { shop, title: 'Own design target', customer: { email: 'ana@demo.test', name: 'Ana Souza' }, source: 'manual', actor: { kind: 'system' } });
  await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
  return order.orderId;
}

/** Uploads `bytes` to the order as `client`, checked, and returns the file as the API lists it. */
async function upload(client: TestClient, orderId: string, name: string, bytes: Buffer): Promise<{ fileId: string; sha256: string }> {
  return (await (await uploadFile(client, orderId, { name, type: 'image/png', bytes })).complete()).json();
}

const view = async (client: TestClient, orderId: string) => (await client.get(`/api/orders/${orderId}`)).json();

describe('a design of your own', () => {
  it('refuses one file twice in a version, whether chosen twice or uploaded twice, and names it', async () => {
    const orderId = await quotedOrder();
    const sketch = png(++seeds);
    const first = await upload(ana, orderId, 'sketch2.png', sketch);
    const again = await upload(ana, orderId, 'sketch2.png', sketch);
    const other = await upload(ana, orderId, 'sketch1.png', png(++seeds));

    for (const fileIds of [[first.fileId, other.fileId, first.fileId], [first.fileId, other.fileId, again.fileId]]) {
      const res = await ana.post(`/api/orders/${orderId}/designs`, { fileIds });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'validation_failed', message: 'sketch2.png is chosen twice for this version: choose it once.' });
    }
    // Nothing was sent: the order still waits for its first version.
    expect((await view(ana, orderId)).designs).toHaveLength(0);

    const sent = await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [again.fileId, other.fileId] });
    expect(sent.status).toBe(201);
    expect((await sent.json()).files.map((f: { fileId: string }) => f.fileId)).toEqual([again.fileId, other.fileId]);
  });

  it('refuses the same of the shop’s proofs too', async () => {
    const orderId = await quotedOrder();
    const proof = await upload(seller, orderId, 'proof.png', png(++seeds));
    const res = await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [proof.fileId, proof.fileId] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('proof.png is chosen twice for this version: choose it once.');
  });

  it('is not taken once the customer approved a version: the approval stands, and the shop may still re-open it', async () => {
    const orderId = await quotedOrder();
    const proof = await upload(seller, orderId, 'proof.png', png(++seeds));
    const v1 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [proof.fileId] })).json();
    expect((await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, { decision: 'approve', confirm: { sha256s: [proof.sha256], personalization: '' } })).status).toBe(200);

    const mine = await upload(ana, orderId, 'my artwork.png', png(++seeds));
    const refused = await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId] });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({
      code: 'conflict',
      message: 'You approved v1, and the shop may already be making it: a design of your own cannot replace it now. To change something, ask the shop.',
    });
    const after = await view(ana, orderId);
    expect(after.order.status).toBe('approved');
    expect(after.designs.map((d: { version: number; state: string }) => [d.version, d.state])).toEqual([[1, 'approved']]);

    // The shop agrees to the customer's new artwork: back to design by hand, and then she may send it.
    const order = after.order as { version: number };
    expect((await seller.post(`/api/orders/${orderId}/transitions`, { to: 'in_design', version: order.version })).status).toBe(200);
    expect((await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId] })).status).toBe(201);
  });

  it('lets the shop send a new proof after approval: its own call', async () => {
    const orderId = await quotedOrder();
    const proof = await upload(seller, orderId, 'proof.png', png(++seeds));
    const v1 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [proof.fileId] })).json();
    await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, { decision: 'approve', confirm: { sha256s: [proof.sha256], personalization: '' } });
    const better = await upload(seller, orderId, 'better.png', png(++seeds));
    expect((await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [better.fileId] })).status).toBe(201);
    expect((await view(ana, orderId)).order.status).toBe('awaiting_approval');
  });
});
