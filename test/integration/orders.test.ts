import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { putSeller } from '#shared/db/seller.ts';
import { createShop, type Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { ddbRequests, signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let demoShop: Shop;
let seller: TestClient;
let ana: TestClient;
let ben: TestClient;
let otherSeller: TestClient;

type Summary = { orderId: string; reference: string; status: string; customer: { email: string }; version: number; title: string; personalization: string | null; dueState: string; dueDate: string | null };

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop: demoShop } = await seedDemo(ctx.deps));
  const other: Shop = { shopId: 'otherotherother0', slug: 'other', name: 'Other Shop', timeZone: 'UTC', referencePrefix: 'OS', createdAt: new Date().toISOString() };
  await createShop(ctx.deps.db, other);
  await putSeller(ctx.deps.db, { email: 'owner@other.test', name: 'Olga', shopId: other.shopId, createdAt: other.createdAt });
  // Ana also bought from the other shop: her home lists both.
  await createOrder(ctx.deps, { shop: other, title: 'Other shop mug', customer: { email: 'ana@demo.test', name: 'Ana Souza' }, source: 'manual', actor: { kind: 'system' } });
  [seller, ana, ben, otherSeller] = await Promise.all([
    signedInClient(ctx, 'seller@demo.test'),
    signedInClient(ctx, 'ana@demo.test'),
    signedInClient(ctx, 'ben@demo.test'),
    signedInClient(ctx, 'owner@other.test'),
  ]);
});
afterAll(() => ctx.dispose());

async function listAll(client: TestClient, query: string): Promise<Summary[]> {
  const out: Summary[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.get(`/api/orders?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Summary[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

async function newOrder(title = 'Test piece') {
  const res = await seller.post('/api/orders', { title, customer: { name: 'Cara Test', email: 'cara@demo.test' }, dueDate: '2030-01-15' });
  expect(res.status).toBe(201);
  return (await res.json()) as Summary;
}

describe('the seller dashboard (A1, A5)', () => {
  it('lists open orders sorted by due date, in one Query after the session', async () => {
    const res = await seller.get('/api/orders?status=open&limit=100');
    expect(res.status).toBe(200);
    expect(ddbRequests(res)).toBeLessThanOrEqual(2);
    const { items } = (await res.json()) as { items: Summary[] };
    expect(items.length).toBeGreaterThanOrEqual(11);
    expect(items.every((o) => !['completed', 'cancelled'].includes(o.status))).toBe(true);
    const dated = items.filter((o) => o.dueDate).map((o) => o.dueDate!);
    expect(dated).toEqual([...dated].sort());
    expect(items.some((o) => o.dueState === 'overdue')).toBe(true);
  });

  it('filters by status, and by due date', async () => {
    const inDesign = await listAll(seller, 'status=in_design');
    expect(inDesign.length).toBe(2);
    expect(inDesign.every((o) => o.status === 'in_design')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = await listAll(seller, `status=open&dueBefore=${today}`);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((o) => o.dueDate! < today)).toBe(true);
  });

  it('sorts by last activity, newest first', async () => {
    const items = await listAll(seller, 'status=open&sort=activity');
    const res = await seller.get('/api/orders?status=open&sort=activity&limit=100');
    expect(ddbRequests(res)).toBeLessThanOrEqual(2);
    const times = ((await res.json()) as { items: Array<{ lastActivityAt: string }> }).items.map((o) => o.lastActivityAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(items.length).toBe(times.length);
  });

  it('searches by reference, customer name and email, title and personalisation', async () => {
    const [first] = await listAll(seller, 'status=quoted');
    const byReference = await listAll(seller, `q=${first!.reference.toLowerCase()}`);
    expect(byReference.map((o) => o.orderId)).toEqual([first!.orderId]);
    const byName = await listAll(seller, 'q=okafor');
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((o) => o.customer.email === 'ben@demo.test')).toBe(true);
    const byEmail = await listAll(seller, 'q=ana@demo');
    expect(byEmail.every((o) => o.customer.email === 'ana@demo.test')).toBe(true);
    const byTitle = await listAll(seller, 'q=napkins');
    expect(byTitle.map((o) => o.title)).toEqual(['Monogrammed linen napkins (12)']);
    // The text on the piece is what a seller remembers an order by: "the collar with the phone number".
    const byPersonalization = await listAll(seller, 'q=07700');
    expect(byPersonalization.map((o) => o.title)).toEqual(['Personalised leather dog collar, "Biscuit"']);
    // The list carries the text too, so the dashboard can show it under the title.
    expect(byPersonalization[0]!.personalization).toBe('BISCUIT · 07700 900123');
  });

  it('counts orders per status and flags overdue ones', async () => {
    const res = await seller.get('/api/shop/summary');
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary.counts).toMatchObject({ requested: 2, quoted: 1, in_design: 2, awaiting_approval: 2, approved: 1, in_production: 2, shipped: 1, completed: 1, cancelled: 1, on_hold: 1 });
    expect(summary.overdue).toBe(2);
    expect(summary.shop.slug).toBe('demo');
  });

  it('shows a seller none of another shop’s orders', async () => {
    const items = await listAll(otherSeller, 'status=open');
    expect(items.every((o) => o.customer.email === 'ana@demo.test')).toBe(true);
    expect(items).toHaveLength(1);
  });

  it('refuses a cursor crafted for another partition', async () => {
    const forged = Buffer.from(JSON.stringify({ pk: 'ORDER#x', sk: 'ORDER', gsi3pk: `SHOP#${'otherotherother0'}#OPEN`, gsi3sk: '2020' })).toString('base64url');
    const res = await seller.get(`/api/orders?status=open&cursor=${forged}`);
    expect(res.status).toBe(400);
    expect((await seller.get('/api/orders?cursor=not-base64-json')).status).toBe(400);
  });

  it('answers 400, not 500, for a cursor in the caller’s own partition without the index’s whole key', async () => {
    // DynamoDB refuses an ExclusiveStartKey that is not exactly the index's key: that must not reach it.
    for (const key of [{ gsi2pk: 'CUSTOMER#ana@demo.test' }, { pk: 'ORDER#x', sk: 'ORDER', gsi2pk: 'CUSTOMER#ana@demo.test', gsi2sk: '2026', extra: 'x' }]) {
      const res = await ana.get(`/api/orders?cursor=${Buffer.from(JSON.stringify(key)).toString('base64url')}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
  });
});

describe('the customer home (A3)', () => {
  it('lists every order under the customer’s email, across shops, newest first', async () => {
    const res = await ana.get('/api/orders');
    expect(ddbRequests(res)).toBeLessThanOrEqual(2);
    const items = await listAll(ana, 'limit=3');
    expect(items.every((o) => o.customer.email === 'ana@demo.test')).toBe(true);
    expect(new Set(items.map((o) => (o as unknown as { shopName: string }).shopName))).toEqual(new Set(['Willow & Wick', 'Other Shop']));
  });
});

describe('the order page (A2)', () => {
  it('serves the whole order in one Query after the session, with its activity', async () => {
    const [order] = await listAll(seller, 'status=in_production');
    const res = await seller.get(`/api/orders/${order!.orderId}`);
    expect(res.status).toBe(200);
    expect(ddbRequests(res)).toBeLessThanOrEqual(2);
    const page = await res.json();
    expect(page.order.reference).toBe(order!.reference);
    expect(page.activity[0].type).toBe('status.changed');
    expect(page.activity.at(-1).type).toBe('order.created');
    // Quoted, then the proof story (v1, changes, v2, approval), then production.
    expect(page.activity.map((e: { data: { to?: string } }) => e.data.to).filter(Boolean).reverse()).toEqual(['quoted', 'awaiting_approval', 'in_design', 'awaiting_approval', 'approved', 'in_production']);
    expect(page.designs.map((d: { version: number; state: string }) => `${d.version}:${d.state}`)).toEqual(['2:approved', '1:changes_requested']);
    expect(page.allowedTransitions.map((t: { to: string }) => t.to)).toEqual(['shipped', 'on_hold', 'cancelled']);
    expect(page.viewer).toBe('seller');
  });

  it('shows the customer their own order, and answers 404 to everyone else', async () => {
    const [bens] = await listAll(ben, 'limit=1');
    expect((await ben.get(`/api/orders/${bens!.orderId}`)).status).toBe(200);
    for (const stranger of [ana, otherSeller]) {
      const res = await stranger.get(`/api/orders/${bens!.orderId}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect((await ana.get('/api/orders/0000000000000000')).status).toBe(404);
  });

  it('keeps the intake answers with their labels', async () => {
    const [requested] = (await listAll(seller, 'status=requested')).filter((o) => o.customer.email === 'ana@demo.test');
    const page = await (await seller.get(`/api/orders/${requested!.orderId}`)).json();
    expect(page.order.intake.formName).toBe('Engraved cutting board');
    expect(page.order.intake.answers).toContainEqual({ fieldId: 'engraving', label: 'Engraving text', type: 'short_text', value: 'The Souzas · est. 2019' });
  });
});

describe('the lifecycle over HTTP', () => {
  it('moves an order one allowed step at a time and logs each change', async () => {
    const order = await newOrder();
    const res = await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('quoted');
  });

  it('answers 409 with the allowed steps for a step that is not allowed', async () => {
    const order = await newOrder();
    const res = await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'shipped', version: order.version });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('transition_not_allowed');
    expect(body.error.details.allowed.map((a: { to: string }) => a.to).sort()).toEqual(['cancelled', 'on_hold', 'quoted']);
  });

  it('starts production before approval only with a recorded reason', async () => {
    let order = await newOrder();
    order = await (await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version })).json();
    const without = await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'in_production', version: order.version });
    expect(without.status).toBe(400);
    const withReason = await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'in_production', version: order.version, reason: 'Same design as order WW-AAAA' });
    expect(withReason.status).toBe(200);
    const page = await (await seller.get(`/api/orders/${order.orderId}`)).json();
    expect(page.activity[0].data).toEqual({ from: 'quoted', to: 'in_production', reason: 'Same design as order WW-AAAA', override: true });
    expect(page.activity[0].actor).toEqual({ kind: 'seller', email: 'seller@demo.test' });
  });

  it('puts an order on hold and back to exactly where it was', async () => {
    let order = await newOrder();
    order = await (await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version })).json();
    order = await (await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'on_hold', version: order.version })).json();
    const page = await (await seller.get(`/api/orders/${order.orderId}`)).json();
    expect(page.allowedTransitions).toEqual([
      { to: 'quoted', requiresReason: false },
      { to: 'cancelled', requiresReason: true },
    ]);
    const back = await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
    expect((await back.json()).status).toBe('quoted');
  });

  it('lets a customer withdraw an unanswered request, and nothing else', async () => {
    const created = await seller.post('/api/orders', { title: 'For Ben', customer: { name: 'Ben Okafor', email: 'ben@demo.test' } });
    const order = (await created.json()) as Summary;
    const page = await (await ben.get(`/api/orders/${order.orderId}`)).json();
    expect(page.allowedTransitions).toEqual([{ to: 'cancelled', requiresReason: true }]);
    const quote = await ben.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
    expect(quote.status).toBe(403);
    const withdraw = await ben.post(`/api/orders/${order.orderId}/transitions`, { to: 'cancelled', version: order.version, reason: 'Changed my mind' });
    expect(withdraw.status).toBe(200);
  });

  it('answers a customer who withdraws a request the shop has answered with 409, and changes nothing', async () => {
    const created = await seller.post('/api/orders', { title: 'For Ben, quoted', customer: { name: 'Ben Okafor', email: 'ben@demo.test' } });
    const order = (await (await seller.post(`/api/orders/${((await created.json()) as Summary).orderId}/transitions`, { to: 'quoted', version: 1 })).json()) as Summary;
    const late = await ben.post(`/api/orders/${order.orderId}/transitions`, { to: 'cancelled', version: order.version, reason: 'Changed my mind' });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({ code: 'transition_not_allowed', message: expect.stringMatching(/can no longer be withdrawn/) });
    const page = await (await ben.get(`/api/orders/${order.orderId}`)).json();
    expect(page.order).toMatchObject({ status: 'quoted', version: order.version });
    expect(page.allowedTransitions).toEqual([]);
  });

  it('keeps the status counts right through changes', async () => {
    const before = (await (await seller.get('/api/shop/summary')).json()).counts;
    const order = await newOrder();
    await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
    const after = (await (await seller.get('/api/shop/summary')).json()).counts;
    expect(after.quoted).toBe(before.quoted + 1);
    expect(after.requested).toBe(before.requested);
  });

  it('publishes every change as a domain event', async () => {
    const publisher = ctx.deps.publisher as unknown as { published: Array<{ type: string; orderId: string }> };
    const order = await newOrder();
    await seller.post(`/api/orders/${order.orderId}/transitions`, { to: 'quoted', version: order.version });
    expect(publisher.published.filter((e) => e.orderId === order.orderId).map((e) => e.type)).toEqual(['order.created', 'status.changed']);
  });
});

describe('optimistic locking', () => {
  it('lets exactly one of N concurrent edits at the same version win, and keeps its value', async () => {
    const order = await newOrder();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, title: `Title ${i}` } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const winner = results.findIndex((r) => r.status === 200);
    const page = await (await seller.get(`/api/orders/${order.orderId}`)).json();
    expect(page.order.title).toBe(`Title ${winner}`);
    expect(page.order.version).toBe(order.version + 1);
    expect(page.activity.filter((e: { type: string }) => e.type === 'order.updated')).toHaveLength(1);
  });

  it('lets exactly one of N concurrent transitions win', async () => {
    const order = await newOrder();
    const targets = ['quoted', 'on_hold', 'quoted', 'on_hold', 'quoted'];
    const results = await Promise.all(targets.map((to) => seller.post(`/api/orders/${order.orderId}/transitions`, { to, version: order.version })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const counts = (await (await seller.get('/api/shop/summary')).json()).counts;
    expect(Object.values(counts as Record<string, number>).every((n) => n >= 0)).toBe(true);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const order = await newOrder();
    await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, dueDate: '2030-02-01' } });
    const stale = await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, dueDate: '2031-01-01' } });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('version_conflict');
    const page = await (await seller.get(`/api/orders/${order.orderId}`)).json();
    expect(page.order.dueDate).toBe('2030-02-01');
  });

  it('records what an edit changed', async () => {
    const order = await newOrder('Old title');
    await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, title: 'New title', dueDate: null } });
    const page = await (await seller.get(`/api/orders/${order.orderId}`)).json();
    expect(page.activity[0].data.changed).toEqual({ title: { from: 'Old title', to: 'New title' }, dueDate: { from: '2030-01-15', to: null } });
    expect(page.order.dueDate).toBeNull();
  });

  it('refuses edits from the customer', async () => {
    const [bens] = await listAll(ben, 'limit=1');
    const res = await ben.request('PATCH', `/api/orders/${bens!.orderId}`, { json: { version: bens!.version, title: 'Mine now' } });
    expect(res.status).toBe(403);
  });
});

describe('paging', () => {
  it('walks 500 orders with no duplicates and no gaps, in both sort orders', async () => {
    const shop: Shop = { shopId: 'pagingpagingpagi', slug: 'paging', name: 'Paging', timeZone: 'UTC', referencePrefix: 'PG', createdAt: new Date().toISOString() };
    await createShop(ctx.deps.db, shop);
    await putSeller(ctx.deps.db, { email: 'pager@demo.test', name: 'P', shopId: shop.shopId, createdAt: shop.createdAt });
    const created = new Set<string>();
    for (let batch = 0; batch < 50; batch++) {
      const orders = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          createOrder(ctx.deps, {
            shop,
            title: `Order ${batch * 10 + i}`,
            customer: { email: `c${i}@paging.test`, name: 'C' },
            // Many share a due date, so the order id must break ties.
            dueDate: i % 3 === 0 ? undefined : `2030-0${1 + (batch % 9)}-1${i % 3}`,
            source: 'manual',
            actor: { kind: 'system' },
          }),
        ),
      );
      for (const o of orders) created.add(o.orderId);
    }
    const pager = await signedInClient(ctx, 'pager@demo.test');
    for (const sort of ['due', 'activity']) {
      const seen = await listAll(pager, `status=open&sort=${sort}&limit=37`);
      expect(seen).toHaveLength(500);
      expect(new Set(seen.map((o) => o.orderId))).toEqual(created);
    }
    const searched = await listAll(pager, 'q=c3@paging&limit=20');
    expect(searched.length).toBe(50);
    expect(new Set(searched.map((o) => o.orderId)).size).toBe(50);
  }, 120_000);
});
