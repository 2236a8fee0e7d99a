import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { getShop, type Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { holdTransactionsUntil } from '#test/helpers/hold-writes.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { uploadFile } from '#test/helpers/uploads.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let ana: TestClient;
let ben: TestClient;

/** A real 1×1 PNG with trailing bytes that make each file distinct (and its SHA-256 with it). */
const png = (seed: number) =>
  Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), Buffer.from(`#${seed}`)]);
let filesMade = 0;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  ana = await clientAs(ctx, { kind: 'customer', email: 'ana@demo.test' });
  ben = await clientAs(ctx, { kind: 'customer', email: 'ben@demo.test' });
});
afterAll(() => ctx.dispose());

/** A quoted order of Ana's with `count` checked PNG files uploaded by the shop. */
async function quotedOrderWithFiles(count: number, personalization?: string) {
  // The shop as stored now: its current revision settings are the new order's terms.
  const order = await createOrder(ctx.deps, { shop: (await getShop(ctx.deps.db, shop.shopId))!, title: 'Proof target', personalization, customer: { email: 'ana@demo.test', name: 'Ana Souza' }, source: 'manual', actor: { kind: 'system' } });
  await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
  const files: Array<{ fileId: string; bytes: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const bytes = png(++filesMade);
    const file = await (await (await uploadFile(seller, order.orderId, { name: `proof-${i}.png`, type: 'image/png', bytes })).complete()).json();
    files.push({ fileId: file.fileId, bytes });
  }
  return { orderId: order.orderId, files };
}

const page = async (client: TestClient, orderId: string) => (await client.get(`/api/orders/${orderId}`)).json();

describe('the demo shop', () => {
  it('tells its proof story as real history: each step later than the last, and one time per step', async () => {
    const list = (await (await seller.get('/api/orders?status=awaiting_approval')).json()) as { items: Array<{ orderId: string; title: string }> };
    const nonna = list.items.find((o) => o.title.includes('Nonna'))!;
    const view = await page(seller, nonna.orderId);
    const times = (view.activity as Array<{ at: string }>).map((e) => Date.parse(e.at));
    // Newest first, and no two steps at the same moment.
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(times.length);
    // A proof and the activity line announcing it carry the same time.
    const uploads = (view.activity as Array<{ type: string; at: string; data: { designId?: string } }>).filter((e) => e.type === 'design.uploaded');
    expect(uploads).toHaveLength(2);
    for (const event of uploads) expect(view.designs.find((d: { designId: string }) => d.designId === event.data.designId).createdAt).toBe(event.at);
  });
});

describe('proofs and decisions', () => {
  it('goes v1 → changes requested → v2 → approved, with a receipt that matches the stored files', async () => {
    const { orderId, files } = await quotedOrderWithFiles(3, 'Nonna’s kitchen');
    const v1 = await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId, files[1]!.fileId], note: 'First idea' });
    expect(v1.status).toBe(201);
    const first = await v1.json();
    expect(first).toMatchObject({ version: 1, state: 'awaiting_decision', note: 'First idea' });
    expect((await page(ana, orderId)).order.status).toBe('awaiting_approval');

    const changes = await ana.post(`/api/orders/${orderId}/designs/${first.designId}/decision`, { decision: 'request_changes', note: 'Bigger letters please' });
    expect(changes.status).toBe(200);
    let view = await page(ana, orderId);
    expect(view.order.status).toBe('in_design');
    expect(view.revisions).toMatchObject({ allowance: 2, used: 1 });

    const second = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[2]!.fileId] })).json();
    expect(second.version).toBe(2);

    // An approval must confirm exactly what is on record.
    const unconfirmed = await ana.post(`/api/orders/${orderId}/designs/${second.designId}/decision`, { decision: 'approve' });
    expect(unconfirmed.status).toBe(400);
    const wrongFile = await ana.post(`/api/orders/${orderId}/designs/${second.designId}/decision`, { decision: 'approve', confirm: { sha256s: [sha(files[0]!.bytes)], personalization: 'Nonna’s kitchen' } });
    expect(wrongFile.status).toBe(400);
    const wrongText = await ana.post(`/api/orders/${orderId}/designs/${second.designId}/decision`, { decision: 'approve', confirm: { sha256s: [sha(files[2]!.bytes)], personalization: 'Nonnas kitchen' } });
    expect(wrongText.status).toBe(400);

    const approved = await ana.request('POST', `/api/orders/${orderId}/designs/${second.designId}/decision`, {
      json: { decision: 'approve', confirm: { sha256s: [sha(files[2]!.bytes)], personalization: 'Nonna’s kitchen' } },
      headers: { 'user-agent': 'Mozilla/5.0 (Test) Proofreader' },
      ip: '203.0.113.77',
    });
    expect(approved.status).toBe(200);
    view = await page(seller, orderId);
    expect(view.order.status).toBe('approved');
    expect(view.designs.map((d: { version: number; state: string }) => [d.version, d.state])).toEqual([
      [2, 'approved'],
      [1, 'changes_requested'],
    ]);
    expect(view.activity.slice(0, 3).map((e: { type: string }) => e.type)).toEqual(['design.decided', 'design.uploaded', 'design.decided']);

    const receipt = await seller.get(`/api/orders/${orderId}/designs/${second.designId}/approval-receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await receipt.text();
    expect(html).toContain(sha(files[2]!.bytes));
    expect(html).toContain('203.0.113.77');
    expect(html).toContain('Mozilla/5.0 (Test) Proofreader');
    expect(html).toContain('Nonna’s kitchen');
    expect(html).not.toContain('<script');
    // It opens in a tab of its own: the way back to the order, and how to keep it (no script prints it).
    expect(html).toContain(`<a href="/orders/${orderId}">Back to order `);
    expect(html).toContain('print it or save it as a PDF');
    // Ana may keep it too; nobody else may see it.
    expect((await ana.get(`/api/orders/${orderId}/designs/${second.designId}/approval-receipt`)).status).toBe(200);
    expect((await ben.get(`/api/orders/${orderId}/designs/${second.designId}/approval-receipt`)).status).toBe(404);
    expect((await seller.get(`/api/orders/${orderId}/designs/${first.designId}/approval-receipt`)).status).toBe(404);
  });

  it('lets only the order’s customer decide, once, and only on the latest version', async () => {
    const { orderId, files } = await quotedOrderWithFiles(2);
    const v1 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] })).json();
    const v2 = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[1]!.fileId] })).json();
    expect((await page(seller, orderId)).designs.map((d: { state: string }) => d.state)).toEqual(['awaiting_decision', 'superseded']);
    expect((await ana.post(`/api/orders/${orderId}/designs/${v1.designId}/decision`, { decision: 'request_changes' })).status).toBe(409);
    expect((await seller.post(`/api/orders/${orderId}/designs/${v2.designId}/decision`, { decision: 'request_changes' })).status).toBe(403);
    expect((await ben.post(`/api/orders/${orderId}/designs/${v2.designId}/decision`, { decision: 'request_changes' })).status).toBe(404);
    const decisions = await Promise.all([1, 2, 3].map(() => ana.post(`/api/orders/${orderId}/designs/${v2.designId}/decision`, { decision: 'request_changes' })));
    expect(decisions.filter((r) => r.status === 200)).toHaveLength(1);
    expect(decisions.filter((r) => r.status === 409)).toHaveLength(2);
  });

  it('approves an order only through the customer’s decision: the shop’s way on is the production override, with its reason', async () => {
    const { orderId, files } = await quotedOrderWithFiles(1);
    const proof = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] })).json();
    let view = await page(seller, orderId);
    expect(view.allowedTransitions.map((t: { to: string }) => t.to)).not.toContain('approved');
    const byHand = await seller.post(`/api/orders/${orderId}/transitions`, { to: 'approved', version: view.order.version });
    expect(byHand.status).toBe(409);
    expect((await byHand.json()).error.code).toBe('transition_not_allowed');

    const override = await seller.post(`/api/orders/${orderId}/transitions`, { to: 'in_production', version: view.order.version, reason: 'Approved in Etsy Messages' });
    expect(override.status).toBe(200);
    view = await page(ana, orderId);
    expect(view.order.status).toBe('in_production');
    expect(view.activity[0].data).toMatchObject({ to: 'in_production', reason: 'Approved in Etsy Messages', override: true });
    // The proof was never decided, and now nobody waits for a decision on it.
    const late = await ana.post(`/api/orders/${orderId}/designs/${proof.designId}/decision`, {
      decision: 'approve',
      confirm: { sha256s: [sha(files[0]!.bytes)], personalization: '' },
    });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/no longer waiting for your decision/);
    expect((await page(ana, orderId)).order.status).toBe('in_production');
  });

  it('flags change requests past the free revision rounds', async () => {
    const { orderId, files } = await quotedOrderWithFiles(1);
    const flags: boolean[] = [];
    for (let round = 0; round < 3; round++) {
      const design = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] })).json();
      const decided = await (await ana.post(`/api/orders/${orderId}/designs/${design.designId}/decision`, { decision: 'request_changes' })).json();
      flags.push(decided.decision.beyondAllowance);
    }
    expect(flags).toEqual([false, false, true]);
    expect((await page(ana, orderId)).revisions.used).toBe(3);
  });

  it('takes the shop’s revision settings for new orders, while earlier orders keep their terms', async () => {
    const earlier = await quotedOrderWithFiles(1);
    const settings = await (await seller.get('/api/shop/settings')).json();
    expect(settings).toMatchObject({ version: 1, revisionAllowance: 2, defaultRevisionMessage: expect.stringContaining('2 free revision rounds') });
    expect(settings.revisionMessage).toBeUndefined();

    const message = 'Extra rounds are a paid add-on: see the “Extra revision” listing in the shop.';
    const refused = await seller.request('PUT', '/api/shop/settings', { json: { version: 1, revisionAllowance: 50, revisionMessage: message } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe('validation_failed');
    expect((await (await seller.get('/api/shop/settings')).json()).revisionAllowance).toBe(2);

    const saved = await seller.request('PUT', '/api/shop/settings', { json: { version: 1, revisionAllowance: 1, revisionMessage: message } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 2, revisionAllowance: 1, revisionMessage: message });
    // A second tab still at version 1 cannot overwrite it.
    expect((await seller.request('PUT', '/api/shop/settings', { json: { version: 1, revisionAllowance: 5 } })).status).toBe(409);
    expect((await ana.get('/api/shop/settings')).status).toBe(403);

    const later = await quotedOrderWithFiles(1);
    const flags: boolean[] = [];
    for (let round = 0; round < 2; round++) {
      const design = await (await seller.post(`/api/orders/${later.orderId}/designs`, { fileIds: [later.files[0]!.fileId] })).json();
      flags.push((await (await ana.post(`/api/orders/${later.orderId}/designs/${design.designId}/decision`, { decision: 'request_changes' })).json()).decision.beyondAllowance);
    }
    expect(flags).toEqual([false, true]);
    expect((await page(ana, later.orderId)).revisions).toEqual({ allowance: 1, used: 2, message });
    expect((await page(ana, earlier.orderId)).revisions).toMatchObject({ allowance: 2, message: expect.stringContaining('2 free revision rounds') });

    // Back to the defaults, so the other tests see them.
    expect((await seller.request('PUT', '/api/shop/settings', { json: { version: 2, revisionAllowance: 2 } })).status).toBe(200);
  });

  it('lets the customer post a design of their own, made of their own files, which the shop answers with the proof they approve', async () => {
    const { orderId, files } = await quotedOrderWithFiles(1);
    const mine = await (await (await uploadFile(ana, orderId, { name: 'my artwork.png', type: 'image/png', bytes: png(++filesMade) })).complete()).json();
    // Not the shop's files: those are the shop's proofs to send.
    const borrowed = await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] });
    expect(borrowed.status).toBe(400);
    expect((await borrowed.json()).error.message).toMatch(/files you uploaded/);
    const res = await ana.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId], note: 'Please print this one' });
    expect(res.status).toBe(201);
    const design = await res.json();
    expect(design).toMatchObject({ version: 1, author: { kind: 'customer', email: 'ana@demo.test' }, state: 'awaiting_decision' });
    // Their design waits for the shop's proof, not for their own approval (ADR 0021).
    expect((await page(seller, orderId)).order.status).toBe('in_design');
    expect((await ben.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId] })).status).toBe(404);
    const own = await ana.post(`/api/orders/${orderId}/designs/${design.designId}/decision`, { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } });
    expect(own.status).toBe(409);
    // The shop sends the same artwork as its proof: that is what the customer approves.
    const proof = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [mine.fileId] })).json();
    const approved = await ana.post(`/api/orders/${orderId}/designs/${proof.designId}/decision`, { decision: 'approve', confirm: { sha256s: [mine.sha256], personalization: '' } });
    expect(approved.status).toBe(200);
  });

  it('refuses proofs from files of another order and before the order is quoted', async () => {
    const a = await quotedOrderWithFiles(1);
    const b = await quotedOrderWithFiles(1);
    expect((await seller.post(`/api/orders/${a.orderId}/designs`, { fileIds: [b.files[0]!.fileId] })).status).toBe(400);
    const fresh = await createOrder(ctx.deps, { shop, title: 'Not quoted', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } });
    const early = await seller.post(`/api/orders/${fresh.orderId}/designs`, { fileIds: [a.files[0]!.fileId] });
    expect(early.status).toBe(409);
  });

  it('lets exactly one of two concurrent proof posts win', async () => {
    const { orderId, files } = await quotedOrderWithFiles(1);
    const release = holdTransactionsUntil(ctx.deps.db, 2);
    const results = await Promise.all([0, 1].map(() => seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] }))).finally(release);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await page(seller, orderId)).designs).toHaveLength(1);
  });
});

describe('pinned comments', () => {
  it('round-trips pins, threads replies, resolves and reopens, without making the order’s version stale', async () => {
    const { orderId, files } = await quotedOrderWithFiles(1);
    const design = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] })).json();
    const before = (await page(seller, orderId)).order;

    const pin = { fileId: files[0]!.fileId, x: 0.3125, y: 0.8, page: 2 };
    const thread = await ana.post(`/api/orders/${orderId}/designs/${design.designId}/comments`, { body: 'Move this a bit left', pin });
    expect(thread.status).toBe(201);
    const opened = await thread.json();
    expect(opened.pin).toEqual(pin);
    const reply = await seller.post(`/api/orders/${orderId}/designs/${design.designId}/comments`, { body: 'Done in the next version', parentId: opened.commentId });
    expect(reply.status).toBe(201);

    const view = await page(ana, orderId);
    expect(view.comments.map((c: { body: string; pin?: unknown; parentId?: string }) => [c.body, c.pin ?? null, c.parentId ?? null])).toEqual([
      ['Move this a bit left', pin, null],
      ['Done in the next version', null, opened.commentId],
    ]);
    // A comment is activity, not an edit: the version the seller holds is still good.
    expect(view.order.version).toBe(before.version);
    expect(view.order.lastActivityAt > before.lastActivityAt).toBe(true);
    expect(view.activity[0].type).toBe('comment.added');

    const url = `/api/orders/${orderId}/designs/${design.designId}/comments/${opened.commentId}`;
    expect((await seller.request('PATCH', url, { json: { resolved: true } })).status).toBe(200);
    expect((await ana.request('PATCH', url, { json: { resolved: true } })).status).toBe(409);
    expect((await ana.request('PATCH', url, { json: { resolved: false } })).status).toBe(200);
    expect((await page(seller, orderId)).comments[0].resolved).toBe(false);
  });

  it('refuses pins off the proof, replies to replies, and strangers', async () => {
    const { orderId, files } = await quotedOrderWithFiles(2);
    const design = await (await seller.post(`/api/orders/${orderId}/designs`, { fileIds: [files[0]!.fileId] })).json();
    const url = `/api/orders/${orderId}/designs/${design.designId}/comments`;
    expect((await ana.post(url, { body: 'x', pin: { fileId: files[1]!.fileId, x: 0.5, y: 0.5 } })).status).toBe(400);
    expect((await ana.post(url, { body: 'x', pin: { fileId: files[0]!.fileId, x: 1.5, y: 0.5 } })).status).toBe(400);
    expect((await ana.post(url, { body: '   ' })).status).toBe(400);
    const thread = await (await ana.post(url, { body: 'Thread' })).json();
    const child = await (await seller.post(url, { body: 'Reply', parentId: thread.commentId })).json();
    expect((await ana.post(url, { body: 'Nested', parentId: child.commentId })).status).toBe(400);
    expect((await ben.post(url, { body: 'Not mine' })).status).toBe(404);
  });
});
