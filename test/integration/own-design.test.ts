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
  it('cannot be approved by the customer who sent it: a quoted order does not become approved without the shop’s proof', async () => {
    const orderId = await quotedOrder();
    const mine = await upload(ana, orderId, 'my artwork.png', png(++seeds));
    const v1 = await (await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId], note: 'my own' })).json();
    const approve = await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } });
    expect(approve.status).toBe(409);
    expect((await approve.json()).error.code).toBe('conflict');
    const after = await view(seller, orderId);
    expect(after.order.status).not.toBe('approved');
    expect(after.allowedTransitions).toContainEqual({ to: 'in_production', requiresReason: true });
  });

  it('waits for the shop’s proof: its author can neither approve it nor ask for changes on it, and the order is in design (ADR 0021)', async () => {
    const orderId = await quotedOrder();
    const mine = await upload(ana, orderId, 'my artwork.png', png(++seeds));
    const sent = await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId], note: 'Our own artwork' });
    expect(sent.status).toBe(201);
    const v1 = await sent.json();
    expect(v1).toMatchObject({ version: 1, author: { kind: 'customer' }, state: 'awaiting_decision' });
    // Nothing waits for the customer's approval: the shop answers with its proof, so the order is in design.
    const posted = await view(seller, orderId);
    expect(posted.order.status).toBe('in_design');
    expect(posted.activity[0]).toMatchObject({ type: 'design.uploaded', data: { version: 1, from: 'quoted', to: 'in_design' } });

    const message = 'v1 is your own design: the shop answers it with a proof (it may be this same artwork), and you approve that proof or ask for changes on it.';
    for (const body of [
      { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } },
      { decision: 'request_changes', note: 'Actually, bigger' },
    ]) {
      const refused = await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, body);
      expect(refused.status).toBe(409);
      expect((await refused.json()).error).toEqual({ code: 'conflict', message });
    }
    // Nothing moved: no approval, no receipt, and production still needs the shop's recorded reason.
    const after = await view(seller, orderId);
    expect(after.order.status).toBe('in_design');
    expect(after.order.version).toBe(posted.order.version);
    expect(after.designs.map((d: { version: number; state: string; decision?: unknown }) => [d.version, d.state, d.decision ?? null])).toEqual([[1, 'awaiting_decision', null]]);
    expect((await seller.get(`/api/orders/${orderId}/designs/${v1.designId}/approval-receipt`)).status).not.toBe(200);
    expect(after.allowedTransitions).toContainEqual({ to: 'in_production', requiresReason: true });
    expect(after.allowedTransitions.map((t: { to: string }) => t.to)).not.toContain('approved');

    // The shop answers with its own proof of the same artwork: that one the customer approves.
    const v2 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId], note: 'Your artwork, as we will print it' })).json();
    expect(v2).toMatchObject({ version: 2, author: { kind: 'seller' } });
    const proofed = await view(ana, orderId);
    expect(proofed.order.status).toBe('awaiting_approval');
    expect(proofed.designs.map((d: { version: number; state: string }) => [d.version, d.state])).toEqual([
      [2, 'awaiting_decision'],
      [1, 'superseded'],
    ]);
    const approved = await ana.post(`/api/orders/${orderId}/designs/${v2.designId}/decision`, { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } });
    expect(approved.status).toBe(200);
    expect((await view(seller, orderId)).order.status).toBe('approved');
  });

  it('sent while the shop’s proof waits, replaces that proof and takes the order back to design, not to the customer', async () => {
    const orderId = await quotedOrder();
    const proof = await upload(seller, orderId, 'proof.png', png(++seeds));
    const v1 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [proof.fileId] })).json();
    expect((await view(ana, orderId)).order.status).toBe('awaiting_approval');

    const mine = await upload(ana, orderId, 'my artwork.png', png(++seeds));
    const v2 = await (await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId] })).json();
    const page = await view(ana, orderId);
    expect(page.order.status).toBe('in_design');
    expect(page.activity[0]).toMatchObject({ type: 'design.uploaded', data: { version: 2, from: 'awaiting_approval', to: 'in_design' } });
    expect(page.designs.map((d: { version: number; state: string }) => [d.version, d.state])).toEqual([
      [2, 'awaiting_decision'],
      [1, 'superseded'],
    ]);
    // The shop's replaced proof is not to be decided any more, and the customer's own is not theirs to decide.
    expect((await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, { decision: 'approve', confirm: { sha256s: [proof.sha256], personalization: '' } })).status).toBe(409);
    expect((await ana.post(`/api/orders/${orderId}/designs/${v2.designId}/decision`, { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } })).status).toBe(409);

    // A second design of her own, while the first still waits for the shop, keeps the order in design.
    const again = await upload(ana, orderId, 'my artwork 2.png', png(++seeds));
    expect((await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [again.fileId] })).status).toBe(201);
    const later = await view(seller, orderId);
    expect(later.order.status).toBe('in_design');
    expect(later.designs.map((d: { version: number; state: string }) => [d.version, d.state])).toEqual([
      [3, 'awaiting_decision'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
  });

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
