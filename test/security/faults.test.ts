import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/api/app.ts';
import { createApiDeps } from '#functions/api/deps.ts';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { freePort } from '#infra/local/free-port.ts';
import { ensureTable } from '#infra/local/table.ts';
import { createShop, type Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, testConfig, type TestContext } from '#test/helpers/test-context.ts';

describe('DynamoDB going away mid-run', () => {
  let dynamo: DynamoDbLocal;
  let dataDir: string;
  afterAll(async () => {
    await dynamo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with a clear message while it is down, and recovers when it is back', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atelier-fault-'));
    const port = await freePort();
    dynamo = await startDynamoDbLocal({ dbPath: dataDir, port });
    const config = testConfig('faults', { DYNAMODB_ENDPOINT: dynamo.endpoint });
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await ensureTable(raw, 'faults');
    raw.destroy();
    const mailbox = new DevMailbox();
    const deps = createApiDeps(config, { devMailbox: mailbox, mailer: mailbox });
    const app = createApp(deps);
    const { shop } = await seedDemo(deps);
    const ctx = { app, deps, mailbox } as unknown as TestContext;
    const seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
    expect((await seller.get('/api/orders')).status).toBe(200);

    await dynamo.stop();
    for (const res of [await seller.get('/api/orders'), await seller.get('/api/me'), await seller.post('/api/orders', { title: 'x', customer: { name: 'x', email: 'x@x.test' } })]) {
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.error.code).toBe('service_unavailable');
      expect(body.error.message).toMatch(/cannot reach its storage/);
      expect(res.headers.get('retry-after')).toBe('5');
    }

    dynamo = await startDynamoDbLocal({ dbPath: dataDir, port });
    const back = await seller.get('/api/orders?status=open');
    expect(back.status).toBe(200);
    expect((await back.json()).items.length).toBeGreaterThan(5);
  }, 120_000);
});

describe('conditional-write races', () => {
  let ctx: TestContext;
  let shop: Shop;
  beforeAll(async () => {
    ctx = await createTestContext();
    ({ shop } = await seedDemo(ctx.deps));
  });
  afterAll(() => ctx.dispose());

  it('lets exactly one of N concurrent saves of an intake form version win', async () => {
    const seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
    const { forms } = await (await seller.get('/api/shop/intake-forms')).json();
    const form = forms[0];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => seller.request('PUT', `/api/shop/intake-forms/${form.formId}`, { json: { version: form.version, name: `Name ${i}`, fields: form.fields } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const after = (await (await seller.get('/api/shop/intake-forms')).json()).forms.find((f: { formId: string }) => f.formId === form.formId);
    expect(after.version).toBe(form.version + 1);
  });

  it('counts every one of N concurrent sign-in requests against the per-address cap', async () => {
    const sent = () => ctx.mailbox.list().filter((m) => m.to === demo.seller.email).length;
    const before = sent();
    const results = await Promise.all(Array.from({ length: 12 }, async () => (await clientAs(ctx, undefined)).post('/api/auth/magic-links', { email: demo.seller.email })));
    // The cap is quiet (the same 202 for all), and holds under concurrency: five links, no more.
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(202));
    expect(sent() - before).toBe(5);
  });
});

describe('S3 going away', () => {
  let ctx: TestContext;
  let shop: Shop;
  beforeAll(async () => {
    // The table is real; the bucket's endpoint is a closed port.
    ctx = await createTestContext({ S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
    shop = { shopId: 's3downs3downs3do', slug: 's3down', name: 'S3 Down', timeZone: 'UTC', referencePrefix: 'SD', createdAt: new Date().toISOString() };
    await createShop(ctx.deps.db, shop);
    await createOrder(ctx.deps, { shop, title: 'Upload target', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } });
  });
  afterAll(() => ctx.dispose());

  it('fails uploads cleanly with 503, keeping the pending upload for a retry', async () => {
    const seller = await clientAs(ctx, { kind: 'seller', email: 'owner@s3down.test', shopId: shop.shopId });
    const { items } = await (await seller.get('/api/orders?status=open&limit=1')).json();
    const orderId = items[0].orderId;
    // Signing needs no call to S3.
    const signed = await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', filename: 'p.png', contentType: 'image/png', size: 100 });
    expect(signed.status).toBe(201);
    const { uploadId } = await signed.json();
    const finish = await seller.post(`/api/orders/${orderId}/uploads/${uploadId}/complete`);
    expect(finish.status).toBe(503);
    expect((await finish.json()).error.code).toBe('service_unavailable');
    const { getPendingUpload } = await import('#shared/db/upload.ts');
    expect(await getPendingUpload(ctx.deps.db, orderId, uploadId)).toBeDefined();
    // Everything that does not touch S3 goes on working.
    expect((await seller.get(`/api/orders/${orderId}`)).status).toBe(200);
    expect((await ctx.app.request('/api/health')).status).toBe(503);
  });
});
