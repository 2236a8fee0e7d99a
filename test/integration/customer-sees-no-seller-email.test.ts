import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import type { Shop } from '#shared/db/shop.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
const customers: Array<{ email: string; client: TestClient }> = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  for (const { email } of demo.customers) customers.push({ email, client: await clientAs(ctx, { kind: 'customer', email }) });
});
afterAll(() => ctx.dispose());

const ordersOf = async (client: TestClient): Promise<Array<{ orderId: string }>> => {
  const res = await client.get('/api/orders?limit=100');
  expect(res.status).toBe(200);
  return (await res.json()).items;
};

describe('a customer never sees the seller’s sign-in email', () => {
  it('is in no order page, order list or /api/me of a customer: the shop’s name stands for the seller', async () => {
    let pages = 0;
    for (const { client } of customers) {
      const list = await client.get('/api/orders?limit=100');
      expect(JSON.stringify(await list.json())).not.toContain(demo.seller.email);
      expect(JSON.stringify(await (await client.get('/api/me')).json())).not.toContain(demo.seller.email);
      for (const { orderId } of await ordersOf(client)) {
        const res = await client.get(`/api/orders/${orderId}`);
        expect(res.status).toBe(200);
        const page = await res.json();
        expect(JSON.stringify(page)).not.toContain(demo.seller.email);
        // Who did what still reads: a seller is the shop, by its name.
        const sellerActors = [
          ...page.activity.map((e: { actor: unknown }) => e.actor),
          ...page.designs.map((d: { author: unknown }) => d.author),
          ...page.comments.map((c: { author: unknown }) => c.author),
          ...page.files.map((f: { uploadedBy: unknown }) => f.uploadedBy),
        ].filter((a: { kind: string }) => a.kind === 'seller');
        for (const actor of sellerActors) expect(actor).toEqual({ kind: 'seller', name: demo.shopName });
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(10);
  });

  it('a demo customer’s pages do have seller activity, proofs, replies and files (so the check above is not empty)', async () => {
    const ana = customers[0]!.client;
    const pages = await Promise.all((await ordersOf(ana)).map(async ({ orderId }) => (await ana.get(`/api/orders/${orderId}`)).json()));
    expect(pages.some((p) => p.activity.some((e: { actor: { kind: string } }) => e.actor.kind === 'seller'))).toBe(true);
    expect(pages.some((p) => p.designs.some((d: { author: { kind: string } }) => d.author.kind === 'seller'))).toBe(true);
    expect(pages.some((p) => p.comments.some((c: { author: { kind: string } }) => c.author.kind === 'seller'))).toBe(true);
    expect(pages.some((p) => p.files.some((f: { uploadedBy: { kind: string } }) => f.uploadedBy.kind === 'seller'))).toBe(true);
  });

  it('the customer still sees their own email on what they did', async () => {
    const { email, client } = customers[0]!;
    const pages = await Promise.all((await ordersOf(client)).map(async ({ orderId }) => (await client.get(`/api/orders/${orderId}`)).json()));
    const decided = pages.flatMap((p) => p.designs).find((d: { decision?: unknown }) => d.decision);
    expect(decided.decision.by).toMatchObject({ kind: 'customer', email });
  });

  it('the seller’s own view of the same order keeps the seller’s email', async () => {
    const ana = customers[0]!.client;
    const orders = await ordersOf(ana);
    let seen = false;
    for (const { orderId } of orders) {
      const page = await (await seller.get(`/api/orders/${orderId}`)).json();
      if (page.activity.some((e: { actor: { kind: string; email?: string } }) => e.actor.kind === 'seller' && e.actor.email === demo.seller.email)) seen = true;
    }
    expect(seen).toBe(true);
  });

  it('is not in what a customer’s own actions answer: a thread of the shop’s resolved, a decision on its proof', async () => {
    const ana = customers[0]!.client;
    const pages = await Promise.all((await ordersOf(ana)).map(async ({ orderId }) => (await ana.get(`/api/orders/${orderId}`)).json()));
    const waiting = pages.find((p) => p.designs.some((d: { state: string }) => d.state === 'awaiting_decision'))!;
    const proof = waiting.designs.find((d: { state: string }) => d.state === 'awaiting_decision');
    const thread = await seller.post(`/api/orders/${waiting.order.orderId}/designs/${proof.designId}/comments`, { body: 'Shall we go a little larger?' });
    expect(thread.status).toBe(201);
    const { commentId } = await thread.json();
    const resolved = await ana.request('PATCH', `/api/orders/${waiting.order.orderId}/designs/${proof.designId}/comments/${commentId}`, { json: { resolved: true } });
    expect(resolved.status).toBe(200);
    const resolvedBody = await resolved.json();
    expect(JSON.stringify(resolvedBody)).not.toContain(demo.seller.email);
    expect(resolvedBody.author).toEqual({ kind: 'seller', name: demo.shopName });
    const decided = await ana.post(`/api/orders/${waiting.order.orderId}/designs/${proof.designId}/decision`, { decision: 'request_changes', note: 'A little larger, please.' });
    expect(decided.status).toBe(200);
    const decidedBody = await decided.json();
    expect(JSON.stringify(decidedBody)).not.toContain(demo.seller.email);
    expect(decidedBody.author).toEqual({ kind: 'seller', name: demo.shopName });
  });
});
