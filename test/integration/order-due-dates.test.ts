import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { dueDateRange } from '#shared/domain/orders/due-date.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let seller: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  seller = await signedInClient(ctx, 'seller@demo.test');
});
afterAll(() => ctx.dispose());

const today = () => new Date().toISOString().slice(0, 10);
const customer = { name: 'Cara Test', email: 'cara@demo.test' };

async function refusal(res: Response) {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('an order’s due date', () => {
  it('is refused when made with a date more than 10 years from today, in words', async () => {
    for (const dueDate of ['0001-01-01', '9999-12-31']) {
      const error = await refusal(await seller.post('/api/orders', { title: 'Far off', customer, dueDate }));
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/^Choose a due date within 10 years of today, between \w{3} \d{1,2}, \d{4} and \w{3} \d{1,2}, \d{4}\.$/);
    }
  });

  it('is refused when edited to a date out of range, and the order is left as it was', async () => {
    const created = await seller.post('/api/orders', { title: 'Edited piece', customer, dueDate: '2027-03-01' });
    expect(created.status).toBe(201);
    const order = (await created.json()) as { orderId: string; version: number };
    for (const dueDate of ['0001-01-01', '9999-12-31']) {
      const error = await refusal(await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, dueDate } }));
      expect(error.message).toContain('within 10 years of today');
    }
    const page = (await (await seller.get(`/api/orders/${order.orderId}`)).json()) as { order: { dueDate: string; version: number } };
    expect(page.order).toMatchObject({ dueDate: '2027-03-01', version: order.version });
  });

  it('is accepted on the edges of the range, and may be cleared', async () => {
    const { min, max } = dueDateRange(today());
    const created = await seller.post('/api/orders', { title: 'Late record', customer, dueDate: min });
    expect(created.status).toBe(201);
    const order = (await created.json()) as { orderId: string; version: number };
    const moved = await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, dueDate: max } });
    expect(moved.status).toBe(200);
    const cleared = await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version + 1, dueDate: null } });
    expect(cleared.status).toBe(200);
  });
});

describe('an order’s details, refused in words', () => {
  it('says an emptied title or customer name in words, not as a length rule', async () => {
    const created = await seller.post('/api/orders', { title: 'Named piece', customer });
    const order = (await created.json()) as { orderId: string; version: number };
    const title = await refusal(await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, title: '   ' } }));
    expect(title.message).toBe('title: An order needs a title.');
    const name = await refusal(await seller.request('PATCH', `/api/orders/${order.orderId}`, { json: { version: order.version, customerName: '' } }));
    expect(name.message).toBe('customerName: Enter the customer’s name.');
  });
});

describe('overdue, as the viewer’s calendar has it', () => {
  it('is not "Overdue" on its own day in the evening west of UTC, when the portal sends the date there', async () => {
    // 7 pm on Dec 1 in Los Angeles is already Dec 2 in UTC.
    ctx.setNow(new Date('2026-12-02T03:00:00Z'));
    try {
      const created = await seller.post('/api/orders', { title: 'Due on the day', customer, dueDate: '2026-12-01' });
      expect(created.status).toBe(201);
      const { orderId, reference } = (await created.json()) as { orderId: string; reference: string };
      const listed = async (query: string) => ((await (await seller.get(`/api/orders?q=${reference}${query}`)).json()) as { items: Array<{ dueState: string }> }).items[0]!.dueState;
      expect(await listed('')).toBe('overdue');
      expect(await listed('&today=2026-12-01')).toBe('due_soon');
      const page = (await (await seller.get(`/api/orders/${orderId}?today=2026-12-01`)).json()) as { order: { dueState: string } };
      expect(page.order.dueState).toBe('due_soon');
      const summary = async (query: string) => (await (await seller.get(`/api/shop/summary${query}`)).json()) as { overdue: number; dueSoon: number };
      const [utc, losAngeles] = [await summary(''), await summary('?today=2026-12-01')];
      expect(losAngeles.overdue).toBeLessThan(utc.overdue);
      expect(losAngeles.dueSoon).toBeGreaterThanOrEqual(1);

      // A date that is not today anywhere on Earth is refused in words, not used.
      for (const path of [`/api/orders?today=2026-11-29`, `/api/orders/${orderId}?today=2026-12-04`, '/api/shop/summary?today=2026-11-30']) {
        const error = await refusal(await seller.get(path));
        expect(error.message).toContain('today must be the calendar date where you are now');
      }
    } finally {
      ctx.setNow(undefined);
    }
  });
});
