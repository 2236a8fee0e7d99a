import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { signInLinkParams, TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let seller: TestClient;
let ip = 0;
const visitor = () => new TestClient(ctx, { ip: `100.67.0.${++ip}` });

/** What a stranger would have a shop's domain say to someone else's inbox. */
const lure = 'URGENT: your card was charged, cancel at https://evil.example';

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  seller = await signedInClient(ctx, 'seller@demo.test');
});
afterAll(() => ctx.dispose());

const newestTo = (email: string) => ctx.mailbox.list().find((m) => m.to === email)!;

function expectNoLure(message: { subject: string; text: string; html: string }) {
  for (const part of [message.subject, message.text, message.html]) {
    expect(part).not.toMatch(/URGENT|evil\.example|card was charged/i);
  }
}

describe('the request-received email, sent to whatever address the form was given', () => {
  it('carries nothing the requester typed: not their name, not their answers', async () => {
    const victim = 'someone-else@example.test';
    const res = await visitor().post('/api/shops/demo/requests', {
      name: lure.slice(0, 120),
      email: victim,
      answers: { engraving: lure.slice(0, 40), wood: 'Oak', size: 'Small (30 × 20 cm)', notes: lure },
    });
    expect(res.status).toBe(201);
    const { reference } = await res.json();
    const message = newestTo(victim);
    expectNoLure(message);
    // What it does say is the shop's and Atelier's own.
    expect(message.subject).toBe(`Willow & Wick received your request ${reference}`);
    expect(message.text).toContain('Willow & Wick received your custom request "Engraved cutting board".');
    expect(message.text.split('\n')[0]).toBe('Hello,');

    // The shop still sees the name as given: it is only kept out of the email.
    const listed = (await (await seller.get(`/api/orders?q=${reference}`)).json()).items[0];
    const { order } = await (await seller.get(`/api/orders/${listed.orderId}`)).json();
    expect(order.customer.name).toBe(lure.slice(0, 120));
  });
});

describe('the sign-in email, which anyone may ask for for a known address', () => {
  it('carries no landing path a stranger wrote, and keeps the portal’s own', async () => {
    for (const next of ['/orders/URGENT-your-card-was-charged-cancel-at-evil.example', '/URGENT:your-card-was-charged', '/dashboard?URGENT=evil.example']) {
      expect((await visitor().post('/api/auth/magic-links', { email: 'ana@demo.test', next })).status).toBe(202);
      const message = newestTo('ana@demo.test');
      expectNoLure(message);
      const link = /http\S+/.exec(message.text)![0];
      expect(signInLinkParams(link).has('token')).toBe(true);
      expect(signInLinkParams(link).has('next')).toBe(false);
    }
    const orderPath = `/orders/${'0123456789abcdef'}`;
    for (const next of ['/dashboard', '/settings', orderPath]) {
      await visitor().post('/api/auth/magic-links', { email: 'ben@demo.test', next });
      expect(signInLinkParams(/http\S+/.exec(newestTo('ben@demo.test').text)![0]).get('next')).toBe(next);
    }
  });
});
