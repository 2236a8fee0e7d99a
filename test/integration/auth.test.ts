import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { TestClient, tokenFromMailbox } from '#test/helpers/http.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
});
afterAll(() => ctx.dispose());

// Each test runs in a rate-limit window of its own, so the per-email limit of one test does not
// spill into the next.
let window = 0;
beforeEach(() => ctx.setNow(new Date(Date.now() + ++window * 16 * 60_000)));

async function signIn(client: TestClient, email: string) {
  expect((await client.post('/api/auth/magic-links', { email })).status).toBe(202);
  const token = tokenFromMailbox(ctx, email);
  expect(token).toBeDefined();
  const res = await client.post('/api/auth/sessions', { token });
  expect(res.status).toBe(204);
  return { token: token!, res };
}

describe('sign-in with a magic link', () => {
  it('signs the demo seller in and tells who they are', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.1' });
    await signIn(client, 'seller@demo.test');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'seller', email: 'seller@demo.test', shop: { slug: 'demo', name: 'Willow & Wick' } });
  });

  it('says a cut-off link is not whole, in words, not as a length rule', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.9' });
    const res = await client.post('/api/auth/sessions', { token: 'IpS4iPD-ZNHab' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('token: This sign-in link is not whole: open the link from the email again, or ask for a new one.');
  });

  it('signs a customer in as a customer', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.2' });
    await signIn(client, 'ana@demo.test');
    expect(await (await client.get('/api/me')).json()).toEqual({ kind: 'customer', email: 'ana@demo.test' });
  });

  it('normalises the email before looking it up', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.3' });
    const before = ctx.mailbox.list().length;
    expect((await client.post('/api/auth/magic-links', { email: '  Ben@Demo.TEST ' })).status).toBe(202);
    expect(ctx.mailbox.list()).toHaveLength(before + 1);
    expect(ctx.mailbox.list()[0]!.to).toBe('ben@demo.test');
  });

  it('puts the link to the portal page, with the landing path, in the email', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.4' });
    await client.post('/api/auth/magic-links', { email: 'ben@demo.test', next: '/orders/abcdefgh23456789' });
    const message = ctx.mailbox.list()[0]!;
    expect(message.text).toMatch(/http:\/\/localhost:3000\/auth\/verify#token=[A-Za-z0-9_-]{43}&next=%2Forders%2Fabcdefgh23456789/);
    expect(message.html).toContain('/auth/verify#token=');
    expect(message.subject).toBe('Your Atelier sign-in link');
  });

  // Browsers never send a URL's fragment to a server: a token there stays out of CloudFront's access
  // logs, proxy logs and the Referer of whatever the verify page loads, where a live one could be taken.
  it('carries the token, and the landing path, in the fragment, never in the query string a server logs', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.14' });
    await client.post('/api/auth/magic-links', { email: 'ben@demo.test', next: '/orders/abcdefgh23456789' });
    const message = ctx.mailbox.list()[0]!;
    const links = [/https?:\/\/\S+/.exec(message.text)![0], ...[...message.html.matchAll(/href="([^"]*\/auth\/verify[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))];
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      const url = new URL(link);
      expect(url.pathname).toBe('/auth/verify');
      expect(url.search).toBe('');
      expect(url.searchParams.has('token')).toBe(false);
      const fragment = new URLSearchParams(url.hash.slice(1));
      expect(fragment.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fragment.get('next')).toBe('/orders/abcdefgh23456789');
    }
    // The fragment's token is the one that signs in.
    const token = new URLSearchParams(new URL(links[0]!).hash.slice(1)).get('token')!;
    expect((await client.post('/api/auth/sessions', { token })).status).toBe(204);
  });

  it('refuses a landing path that leaves the portal', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.5' });
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await client.post('/api/auth/magic-links', { email: 'ben@demo.test', next });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
  });

  it('answers an unknown email exactly as a known one, and sends nothing', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.6' });
    const before = ctx.mailbox.list().length;
    const unknown = await client.post('/api/auth/magic-links', { email: 'nobody@demo.test' });
    const known = await client.post('/api/auth/magic-links', { email: 'ana@demo.test' });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect(ctx.mailbox.list().filter((m) => m.to === 'nobody@demo.test')).toHaveLength(0);
    expect(ctx.mailbox.list()).toHaveLength(before + 1);
  });

  it('rejects a malformed email with the error shape', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.7' });
    const res = await client.post('/api/auth/magic-links', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain('email');
  });

  it('rejects a body that is not JSON with a 400, not a 500', async () => {
    const res = await ctx.app.request('/api/auth/magic-links', {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBeDefined();
  });
});

describe('tokens', () => {
  it('work once: a second exchange of the same token is refused', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.10' });
    const { token } = await signIn(client, 'ben@demo.test');
    const again = await new TestClient(ctx).post('/api/auth/sessions', { token });
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe('invalid_token');
  });

  it('work once even when two exchanges race', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.11' });
    await client.post('/api/auth/magic-links', { email: 'ana@demo.test' });
    const token = tokenFromMailbox(ctx, 'ana@demo.test');
    const results = await Promise.all(Array.from({ length: 8 }, () => new TestClient(ctx).post('/api/auth/sessions', { token })));
    expect(results.map((r) => r.status).sort()).toEqual([204, 401, 401, 401, 401, 401, 401, 401]);
  });

  it('expire after 15 minutes', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.12' });
    const sentAt = ctx.deps.now();
    await client.post('/api/auth/magic-links', { email: 'ana@demo.test' });
    const token = tokenFromMailbox(ctx, 'ana@demo.test');
    ctx.setNow(new Date(sentAt.getTime() + 15 * 60_000 + 1_000));
    const res = await client.post('/api/auth/sessions', { token });
    expect(res.status).toBe(401);
  });

  it('are refused when unknown', async () => {
    const res = await new TestClient(ctx).post('/api/auth/sessions', { token: 'x'.repeat(43) });
    expect(res.status).toBe(401);
  });

  it('are stored only as SHA-256', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.13' });
    await client.post('/api/auth/magic-links', { email: 'ben@demo.test' });
    const token = tokenFromMailbox(ctx, 'ben@demo.test')!;
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    const all = await ctx.deps.db.ddb.send(new ScanCommand({ TableName: ctx.deps.db.table }));
    expect(JSON.stringify(all.Items)).not.toContain(token);
  });
});

describe('sessions', () => {
  it('set an HttpOnly, SameSite=Lax cookie, Secure with the __Host- prefix over https', async () => {
    const local = new TestClient(ctx, { ip: '198.51.100.20' });
    const { res } = await signIn(local, 'ana@demo.test');
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^atelier_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');

    const secureCtx = await createTestContext({ PUBLIC_URL: 'https://atelier.example' });
    try {
      await seedDemo(secureCtx.deps);
      const secure = { origin: 'https://atelier.example', 'content-type': 'application/json' };
      await secureCtx.app.request('/api/auth/magic-links', { method: 'POST', headers: secure, body: JSON.stringify({ email: 'ana@demo.test' }) });
      const token = /token=([A-Za-z0-9_-]+)/.exec(secureCtx.mailbox.list()[0]!.text)![1];
      const signed = await secureCtx.app.request('/api/auth/sessions', { method: 'POST', headers: secure, body: JSON.stringify({ token }) });
      expect(signed.status).toBe(204);
      const secureCookie = signed.headers.getSetCookie()[0]!;
      expect(secureCookie).toMatch(/^__Host-atelier_session=/);
      expect(secureCookie).toContain('Secure');
      expect(secureCookie).toContain('HttpOnly');
      expect(secureCookie).not.toContain('Domain');
      // Beside it, the mark the portal reads: it says only that someone signed in, so it is readable and holds no secret.
      const marker = signed.headers.getSetCookie()[1]!;
      expect(marker).toMatch(/^__Host-atelier_signed_in=1;/);
      expect(marker).toContain('Secure');
      expect(marker).not.toContain('HttpOnly');
    } finally {
      await secureCtx.dispose();
    }
  });

  it('store the session id only as SHA-256', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.21' });
    await signIn(client, 'ben@demo.test');
    const sessionId = client.cookies.get('atelier_session')!;
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    const all = await ctx.deps.db.ddb.send(new ScanCommand({ TableName: ctx.deps.db.table }));
    expect(JSON.stringify(all.Items)).not.toContain(sessionId);
  });

  it('rotate at sign-in: the previous session of the browser ends', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.22' });
    await signIn(client, 'ana@demo.test');
    const first = client.cookies.get('atelier_session')!;
    await signIn(client, 'ana@demo.test');
    const second = client.cookies.get('atelier_session')!;
    expect(second).not.toBe(first);
    const stale = new TestClient(ctx);
    stale.cookies.set('atelier_session', first);
    expect((await stale.get('/api/me')).status).toBe(401);
  });

  it('end at sign-out', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.23' });
    await signIn(client, 'ben@demo.test');
    const sessionId = client.cookies.get('atelier_session')!;
    expect(client.cookies.has('atelier_signed_in')).toBe(true);
    expect((await client.delete('/api/auth/sessions/current')).status).toBe(204);
    expect(client.cookies.has('atelier_session')).toBe(false);
    expect(client.cookies.has('atelier_signed_in')).toBe(false);
    const replay = new TestClient(ctx);
    replay.cookies.set('atelier_session', sessionId);
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('expire when idle for 14 days, and slide with activity', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.24' });
    await signIn(client, 'ben@demo.test');
    expect((await client.get('/api/me')).status).toBe(200);
    ctx.setNow(new Date(ctx.deps.now().getTime() + 13 * 86_400_000));
    expect((await client.get('/api/me')).status).toBe(200);
    // Activity slid the idle expiry: 13 more idle days still leave it alive, 15 do not.
    ctx.setNow(new Date(ctx.deps.now().getTime() + 13 * 86_400_000));
    expect((await client.get('/api/me')).status).toBe(200);
    ctx.setNow(new Date(ctx.deps.now().getTime() + 15 * 86_400_000));
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('end 30 days after sign-in however active', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.25' });
    await signIn(client, 'ben@demo.test');
    const start = ctx.deps.now().getTime();
    for (const day of [10, 20, 29]) {
      ctx.setNow(new Date(start + day * 86_400_000));
      expect((await client.get('/api/me')).status).toBe(200);
    }
    ctx.setNow(new Date(start + 30 * 86_400_000 + 60_000));
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('answer 401 with the error shape when there is none', async () => {
    const res = await new TestClient(ctx).get('/api/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });
});

describe('rate limits', () => {
  it('cap sign-in emails per address quietly: past five, still 202, and nothing more is sent, known or not', async () => {
    for (const email of ['ben@demo.test', 'stranger@demo.test']) {
      const before = ctx.mailbox.list().filter((m) => m.to === email).length;
      const answers: Array<{ status: number; body: unknown; retryAfter: string | null }> = [];
      for (let i = 0; i < 8; i++) {
        const res = await new TestClient(ctx, { ip: `192.0.2.${i + 1}` }).post('/api/auth/magic-links', { email });
        answers.push({ status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') });
      }
      // The same answer every time: the cap tells no one it was reached.
      expect(answers).toEqual(Array.from({ length: 8 }, () => ({ status: 202, body: { status: 'sent' }, retryAfter: null })));
      const sent = ctx.mailbox.list().filter((m) => m.to === email).length - before;
      expect(sent).toBe(email === 'ben@demo.test' ? 5 : 0);
    }
  });

  it('count every one of N concurrent sign-in requests against the quiet cap: exactly five emails go out', async () => {
    const before = ctx.mailbox.list().filter((m) => m.to === 'ben@demo.test').length;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => new TestClient(ctx, { ip: `192.0.2.${50 + i}` }).post('/api/auth/magic-links', { email: 'ben@demo.test' })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(202));
    expect(ctx.mailbox.list().filter((m) => m.to === 'ben@demo.test').length - before).toBe(5);
  });

  it('do not let a stranger lock a seller out: after a stranger’s five requests the seller is answered 202, and gets a link once the window turns', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await new TestClient(ctx, { ip: `192.0.2.${100 + i}` }).post('/api/auth/magic-links', { email: 'seller@demo.test' })).status).toBe(202);
    }
    const seller = new TestClient(ctx, { ip: '198.51.100.40' });
    const before = ctx.mailbox.list().filter((m) => m.to === 'seller@demo.test').length;
    const capped = await seller.post('/api/auth/magic-links', { email: 'seller@demo.test' });
    expect(capped.status).toBe(202);
    expect(ctx.mailbox.list().filter((m) => m.to === 'seller@demo.test')).toHaveLength(before);
    // The cap is per window of 15 minutes: the next one sends again.
    ctx.setNow(new Date(ctx.deps.now().getTime() + 15 * 60_000));
    await signIn(seller, 'seller@demo.test');
    expect((await seller.get('/api/me')).status).toBe(200);
  });

  it('limit sign-in requests per IP address out loud, with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 32; i++) {
      const res = await new TestClient(ctx, { ip: '192.0.2.200' }).post('/api/auth/magic-links', { email: `someone${i}@demo.test` });
      statuses.push(res.status);
      refused ??= res.status === 429 ? res : undefined;
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const body = await refused!.json();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/^Too many sign-in requests\. Try again in \d+ minutes\.$/);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused!.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });
});

describe('CSRF protection', () => {
  it('rejects a state-changing request from another origin', async () => {
    const res = await new TestClient(ctx).post('/api/auth/magic-links', { email: 'ana@demo.test' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf_rejected');
  });

  it('rejects a state-changing request with neither Origin nor same-origin Sec-Fetch-Site', async () => {
    const res = await ctx.app.request('/api/auth/sessions/current', { method: 'DELETE' });
    expect(res.status).toBe(403);
    const crossSite = await ctx.app.request('/api/auth/sessions/current', { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });

  it('accepts a same-origin request that carries only Sec-Fetch-Site', async () => {
    const res = await ctx.app.request('/api/auth/sessions/current', { method: 'DELETE', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(204);
  });

  it('rejects a cross-site sign-out, so a forged form cannot end a session', async () => {
    const client = new TestClient(ctx, { ip: '198.51.100.30' });
    await signIn(client, 'ana@demo.test');
    const forged = await client.request('DELETE', '/api/auth/sessions/current', { headers: { origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });
});
