import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { orderPk } from '#shared/db/order.ts';
import type { Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;

type Summary = { orderId: string; reference: string; title: string };

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await signedInClient(ctx, 'seller@demo.test');
});
afterAll(() => ctx.dispose());

/** The titles the dashboard's search finds for `q`, open orders first by due date. */
async function searchTitles(q: string): Promise<string[]> {
  const res = await seller.get(`/api/orders?status=open&limit=100&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Summary[] }).items.map((o) => o.title);
}

/** An order stored as it was before searchable text was folded: only lower-cased, curly quotes and all. */
async function storedTheOldWay(title: string, personalization: string): Promise<void> {
  const order = await createOrder(ctx.deps, { shop, title, personalization, customer: { email: 'cara@demo.test', name: 'Cara Old' }, source: 'manual', actor: { kind: 'system' } });
  await ctx.deps.db.ddb.send(
    new UpdateCommand({
      TableName: ctx.deps.db.table,
      Key: { pk: orderPk(order.orderId), sk: 'ORDER' },
      UpdateExpression: 'SET searchText = :old',
      ExpressionAttributeValues: { ':old': [order.reference, 'Cara Old', 'cara@demo.test', title, personalization].join(' ').toLowerCase() },
    }),
  );
}

const nonnas = 'Engraved cutting board, "Nonna\'s kitchen"';

describe('the dashboard search, forgiving how it was typed', () => {
  it('matches a curly apostrophe to a straight one, and the other way round', async () => {
    expect(await searchTitles("Nonna's")).toEqual([nonnas]);
    expect(await searchTitles('nonna’s')).toEqual([nonnas]);
    expect(await searchTitles('NONNA‘S KITCHEN')).toEqual([nonnas]);
    // Quotes as a phone curls them find the straight ones of the title.
    expect(await searchTitles('“Nonna’s kitchen”')).toEqual([nonnas]);
  });

  it('finds an order stored before, typed with curly quotes, by either kind', async () => {
    await storedTheOldWay('Rolling pin for Nonna’s birthday', '“Pasta Queen”');
    expect(await searchTitles("nonna's birthday")).toEqual(['Rolling pin for Nonna’s birthday']);
    expect(await searchTitles('Nonna’s birthday')).toEqual(['Rolling pin for Nonna’s birthday']);
    expect(await searchTitles('"pasta queen"')).toEqual(['Rolling pin for Nonna’s birthday']);
    // Both the demo's straight-typed order and the older curly one answer to either kind.
    expect(new Set(await searchTitles('nonna’s'))).toEqual(new Set([nonnas, 'Rolling pin for Nonna’s birthday']));
  });

  it('finds an order by its reference typed without its dash, in lower case, or with a space', async () => {
    const [found] = await searchTitles('nonna');
    expect(found).toBe(nonnas);
    const res = await seller.get('/api/orders?status=open&limit=100&q=nonna');
    const { reference, orderId } = ((await res.json()) as { items: Summary[] }).items[0]!;
    const [prefix, code] = reference.split('-') as [string, string];
    for (const typed of [reference, reference.toLowerCase(), `${prefix}${code}`.toLowerCase(), `${prefix} ${code}`, `${prefix}–${code}`]) {
      const byReference = await seller.get(`/api/orders?q=${encodeURIComponent(typed)}`);
      expect(byReference.status, typed).toBe(200);
      expect(((await byReference.json()) as { items: Summary[] }).items.map((o) => o.orderId), typed).toEqual([orderId]);
    }
  });

  it('still finds by a word that looks like a reference without its dash but is none', async () => {
    // "Okafor" has six letters: read as the reference O-KAFOR, it is no order, so the text is searched.
    expect((await searchTitles('okafor')).length).toBeGreaterThan(1);
  });

  it('refuses a search longer than the box takes, in words an API client can show', async () => {
    const res = await seller.get(`/api/orders?q=${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: Array<{ path: string; message: string }> } };
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([{ path: 'q', message: 'A search can be at most 100 characters: search for a shorter part, such as a name or the reference.' }]);
    expect(error.message).not.toMatch(/too big|<=/i);
    // 100, and a longer one that is spaces at its ends, are taken.
    expect((await seller.get(`/api/orders?q=${'x'.repeat(100)}`)).status).toBe(200);
    expect((await seller.get(`/api/orders?q=${encodeURIComponent(` ${'x'.repeat(100)} `)}`)).status).toBe(200);
  });
});
