import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { getShop, type Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let ana: TestClient;

const boardAnswers = { engraving: 'The Parkers', wood: 'Oak', size: 'Small (30 × 20 cm)' };
const settingsNow = async () => (await seller.get('/api/shop/settings')).json();
const saveSettings = (json: Record<string, unknown>) => seller.request('PUT', '/api/shop/settings', { json });

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  ana = await clientAs(ctx, { kind: 'customer', email: 'ana@demo.test' });
});
afterAll(() => ctx.dispose());

describe('the shop’s name', () => {
  it('is in the settings with the request page’s address, and a rename keeps the address', async () => {
    const before = await settingsNow();
    expect(before).toMatchObject({ version: 1, name: 'Willow & Wick', slug: 'demo', revisionAllowance: 2 });
    // Trimmed, and saved with the revision terms under the same version.
    const saved = await saveSettings({ version: 1, name: '  Oak & Ash Workshop  ', revisionAllowance: 2 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 2, name: 'Oak & Ash Workshop', slug: 'demo', revisionAllowance: 2 });
    // A slug in the body is not the API's to take: the address stays.
    expect((await saveSettings({ version: 2, name: 'Oak & Ash', slug: 'oak-and-ash', revisionAllowance: 2 })).status).toBe(200);
    expect(await settingsNow()).toMatchObject({ version: 3, name: 'Oak & Ash', slug: 'demo' });
    expect((await getShop(ctx.deps.db, shop.shopId))?.slug).toBe('demo');
    expect((await new TestClient(ctx, { ip: '100.64.1.1' }).get('/api/shops/oak-and-ash/intake-form')).status).toBe(404);
  });

  it('left out of a save, stays as it is', async () => {
    const { version, name } = await settingsNow();
    expect((await saveSettings({ version, revisionAllowance: 3 })).status).toBe(200);
    expect(await settingsNow()).toMatchObject({ version: version + 1, name, revisionAllowance: 3 });
  });

  it('is refused in words when empty, too long or not one line, and nothing is saved', async () => {
    const before = await settingsNow();
    const cases: Array<[string, string]> = [
      ['   ', 'Your shop needs a name.'],
      ['', 'Your shop needs a name.'],
      ['x'.repeat(81), 'A shop’s name is at most 80 characters.'],
      ['Oak\nAsh', 'A shop’s name is one line of text.'],
      ['Oak\u0000Ash', 'A shop’s name is one line of text.'],
    ];
    for (const [name, said] of cases) {
      const refused = await saveSettings({ version: before.version, name, revisionAllowance: 5 });
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body.error.code).toBe('validation_failed');
      expect(JSON.stringify(body.error)).toContain(said);
    }
    expect(await settingsNow()).toEqual(before);
    // 80 characters after trimming is the most, and fits.
    const longest = 'W'.repeat(80);
    expect((await saveSettings({ version: before.version, name: `  ${longest} `, revisionAllowance: before.revisionAllowance })).status).toBe(200);
    expect((await settingsNow()).name).toBe(longest);
  });

  it('never fails on strange text, and counts an emoji as one character', async () => {
    for (const name of ['Oak\uD800Ash', '🌿'.repeat(81), '\u202EhsA & kaO', 'Café 木工房']) {
      const { version } = await settingsNow();
      const answer = await saveSettings({ version, name, revisionAllowance: 2 });
      expect([200, 400]).toContain(answer.status);
      if (answer.status === 200) expect([...(await settingsNow()).name].length).toBeLessThanOrEqual(80);
    }
    const { version } = await settingsNow();
    expect((await saveSettings({ version, name: '🌿'.repeat(81), revisionAllowance: 2 })).status).toBe(400);
    expect((await saveSettings({ version, name: '🌿'.repeat(80), revisionAllowance: 2 })).status).toBe(200);
    expect((await saveSettings({ version: version + 1, name: 'Café 木工房', revisionAllowance: 2 })).status).toBe(200);
    expect((await settingsNow()).name).toBe('Café 木工房');
  });

  it('is saved against the version seen: a second tab still on an older one cannot overwrite it', async () => {
    const { version } = await settingsNow();
    expect((await saveSettings({ version, name: 'First tab', revisionAllowance: 2 })).status).toBe(200);
    const stale = await saveSettings({ version, name: 'Second tab', revisionAllowance: 2 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('version_conflict');
    expect((await settingsNow()).name).toBe('First tab');
    expect((await ana.request('PUT', '/api/shop/settings', { json: { version: version + 1, name: 'Not yours', revisionAllowance: 2 } })).status).toBe(403);
    expect((await settingsNow()).name).toBe('First tab');
  });

  it('renamed, is what customers read on the request page, in the email and on a new order, and in the seller’s top bar', async () => {
    const { version } = await settingsNow();
    expect((await saveSettings({ version, name: 'Oak & Ash', revisionAllowance: 2 })).status).toBe(200);
    const visitor = new TestClient(ctx, { ip: '100.64.1.2' });
    expect((await (await visitor.get('/api/shops/demo/intake-form')).json()).shop).toEqual({ name: 'Oak & Ash', slug: 'demo' });
    const placed = await visitor.post('/api/shops/demo/requests', { name: 'Pat Parker', email: 'pat@example.test', answers: boardAnswers });
    expect(placed.status).toBe(201);
    const { reference } = await placed.json();
    expect(ctx.mailbox.list().find((m) => m.to === 'pat@example.test')?.subject).toBe(`Oak & Ash received your request ${reference}`);
    const order = (await (await seller.get(`/api/orders?q=${reference}`)).json()).items[0];
    expect((await (await seller.get(`/api/orders/${order.orderId}`)).json()).shop).toEqual({ name: 'Oak & Ash', slug: 'demo' });
    const me = await (await seller.get('/api/me')).json();
    expect(me.shop).toEqual({ id: shop.shopId, slug: 'demo', name: 'Oak & Ash' });
  });

  it('is copied onto each order when it is made: an order placed before a rename keeps the old name', async () => {
    // Recorded as it stands, so a change to it is a decision and not an accident (see Order.shop).
    const earlier = await createOrder(ctx.deps, { shop: (await getShop(ctx.deps.db, shop.shopId))!, title: 'Before the rename', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } });
    const named = (await settingsNow()).name;
    const { version } = await settingsNow();
    expect((await saveSettings({ version, name: 'Renamed Again', revisionAllowance: 2 })).status).toBe(200);
    expect((await (await ana.get(`/api/orders/${earlier.orderId}`)).json()).shop.name).toBe(named);
  });
});
