import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import type { FileStore } from '#shared/aws/file-store.ts';
import { tallyOrderFiles } from '#shared/db/order-file-tally.ts';
import { putOrderFile } from '#shared/db/order-file.ts';
import type { Shop } from '#shared/db/shop.ts';
import { checkUploadedObject } from '#shared/domain/files/check-uploaded-object.ts';
import { recordCheckedFile } from '#shared/domain/files/record-checked-file.ts';
import { orderUploadLimits } from '#shared/domain/files/upload-limits.ts';
import { newId } from '#shared/domain/ids.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { uploadFile } from '#test/helpers/uploads.ts';
import { storageRefusal } from '../../web/src/upload.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let realFiles: FileStore;

// A real 1×1 PNG, and another PNG of the same length with different bytes after its header.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const swapped = Buffer.concat([png.subarray(0, 33), Buffer.from('<html><script>alert(1)</script>'.padEnd(png.length - 33, ' '))]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: '4096' });
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  realFiles = ctx.deps.files;
});
afterEach(() => {
  ctx.deps.files = realFiles;
  ctx.setNow(undefined);
});
afterAll(() => ctx.dispose());

const newOrder = async (email: string) =>
  (await createOrder(ctx.deps, { shop, title: 'Limits', customer: { email, name: email.split('@')[0]! }, source: 'manual', actor: { kind: 'system' } })).orderId;

const declare = (client: TestClient, orderId: string, size = 100) =>
  client.post(`/api/orders/${orderId}/uploads`, { purpose: 'attachment', filename: 'f.png', contentType: 'image/png', size });

/** Files an order already keeps, written straight to the table. */
async function keepFiles(orderId: string, count: number, size = 1000) {
  for (let i = 0; i < count; i++) {
    const fileId = newId();
    await putOrderFile(ctx.deps.db, {
      fileId,
      orderId,
      purpose: 'design',
      filename: `kept-${i}.png`,
      contentType: 'image/png',
      kind: 'image',
      size,
      sha256: '0'.repeat(64),
      key: `files/${orderId}/${fileId}.png`,
      preview: { state: 'none' },
      uploadedBy: { kind: 'seller', email: demo.seller.email },
      uploadedAt: new Date().toISOString(),
    });
  }
}

describe('how many uploads a person may start', () => {
  it('signs 100 uploads an hour per person, then answers 429 with Retry-After and a message in words', async () => {
    // The hour's window is fixed: a clock a minute into it keeps all requests in one.
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 60_000);
    ctx.setNow(hour);
    const cy = await clientAs(ctx, { kind: 'customer', email: 'cy@demo.test' });
    const orderId = await newOrder('cy@demo.test');
    const { limit } = orderUploadLimits.perPerson;
    expect(limit).toBe(100);
    for (let i = 0; i < limit; i += 10) {
      const statuses = await Promise.all(Array.from({ length: 10 }, () => declare(cy, orderId).then((r) => r.status)));
      expect(statuses).toEqual(Array(10).fill(201));
    }
    const refused = await declare(cy, orderId);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(59 * 60));
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: 'You have started 100 uploads within the hour, the most Atelier takes. Try again in 59 minutes.' },
    });

    // Per person: the shop on the same order is not held back by the customer's uploads.
    expect((await declare(seller, orderId)).status).toBe(201);
    // The next hour starts afresh.
    ctx.setNow(new Date(hour.getTime() + 60 * 60_000));
    expect((await declare(cy, orderId)).status).toBe(201);
  });

  it('does not count what it refuses before signing (a type or a size it never takes)', async () => {
    const dee = await clientAs(ctx, { kind: 'customer', email: 'dee@demo.test' });
    const orderId = await newOrder('dee@demo.test');
    for (let i = 0; i < 3; i++) expect((await declare(dee, orderId, 10 ** 9)).status).toBe(413);
    const window = Math.floor(ctx.deps.now().getTime() / 1000 / 3600) * 3600;
    const counter = await ctx.deps.db.ddb.send(
      new GetCommand({ TableName: ctx.deps.db.table, Key: { pk: 'RATE#order-upload#customer#dee@demo.test', sk: `WINDOW#${window}` } }),
    );
    expect(counter.Item).toBeUndefined();
  });
});

describe('how many files an order keeps', () => {
  it('signs nothing for an order that keeps the most files one order may hold (409, in words)', async () => {
    const orderId = await newOrder('ana@demo.test');
    await keepFiles(orderId, orderUploadLimits.filesPerOrder);
    const refused = await declare(seller, orderId);
    expect(refused.status).toBe(409);
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: 'conflict', message: 'This order already holds 200 files, the most one order can hold. No more can be added to it.' });
  });

  it('signs nothing that would take an order past the bytes one order may hold', async () => {
    const orderId = await newOrder('ana@demo.test');
    await keepFiles(orderId, 2, orderUploadLimits.bytesPerOrder / 2 - 1000);
    const refused = await declare(seller, orderId, 2001);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toBe("This order's files already take 2 GB; with this 2 KB file they would pass the 2 GB one order can hold. Send a smaller file.");
    expect((await declare(seller, orderId, 2000)).status).toBe(201);
  });

  it('holds room for uploads signed and not finished while their URLs are valid', async () => {
    const orderId = await newOrder('ana@demo.test');
    await keepFiles(orderId, orderUploadLimits.filesPerOrder - 2);
    const first = await uploadFile(seller, orderId, { name: 'a.png', type: 'image/png', bytes: png });
    expect((await declare(seller, orderId)).status).toBe(201);
    const refused = await declare(seller, orderId);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toBe(
      'This order already holds 198 files and 2 uploads under way, the most one order can hold. An upload started but not finished holds its room for 15 minutes.',
    );
    // Both may finish: neither shuts the other out.
    expect((await first.complete()).status).toBe(201);
    // An upload never finished gives its room back once its URL has expired.
    ctx.setNow(new Date(Date.now() + 16 * 60_000));
    expect((await declare(seller, orderId)).status).toBe(201);
  });

  it('holds the bytes of uploads under way against the order’s bytes', async () => {
    const orderId = await newOrder('ana@demo.test');
    await keepFiles(orderId, 1, orderUploadLimits.bytesPerOrder - 3000);
    expect((await declare(seller, orderId, 2000)).status).toBe(201);
    const refused = await declare(seller, orderId, 2000);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/^This order's files and 1 upload under way already take 2 GB; .* An upload started but not finished holds its room for 15 minutes\.$/);
  });

  it('refuses at finalize a file the order has no room for any more, and deletes it', async () => {
    const orderId = await newOrder('ana@demo.test');
    await keepFiles(orderId, orderUploadLimits.filesPerOrder - 1);
    const upload = await uploadFile(seller, orderId, { name: 'late.png', type: 'image/png', bytes: png });
    // Another upload finished first.
    await keepFiles(orderId, 1);
    const res = await upload.complete();
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe('This order already holds 200 files, the most one order can hold. No more can be added to it.');
    expect(await ctx.deps.files.size(upload.fields.key!)).toBeUndefined();
    expect((await tallyOrderFiles(ctx.deps.db, orderId)).count).toBe(orderUploadLimits.filesPerOrder);
    expect((await upload.complete()).status).toBe(404);
  });

  it('counts an order’s files and their bytes', async () => {
    const orderId = await newOrder('ana@demo.test');
    expect(await tallyOrderFiles(ctx.deps.db, orderId)).toEqual({ count: 0, bytes: 0 });
    const file = await (await (await uploadFile(seller, orderId, { name: 'a.png', type: 'image/png', bytes: png })).complete()).json();
    expect(await tallyOrderFiles(ctx.deps.db, orderId)).toEqual({ count: 1, bytes: png.length });
    expect(file.size).toBe(png.length);
  });
});

/** The store, but a second POST to the same key lands right after the check has read it. */
const swappingStore = () =>
  new Proxy(realFiles, {
    get: (store, method) =>
      method === 'inspect'
        ? async (key: string, input: { headBytes: number; maxBytes: number }) => {
            const read = await store.inspect(key, input);
            await store.put(key, swapped, 'image/png');
            return read;
          }
        : store[method as keyof FileStore],
  });

describe('finalize keeps only the object it checked', () => {
  it('refuses (409) an upload whose object changed between the check and the copy, and keeps nothing', async () => {
    const orderId = await newOrder('ana@demo.test');
    const upload = await uploadFile(seller, orderId, { name: 'proof.png', type: 'image/png', bytes: png });
    ctx.deps.files = swappingStore();
    const res = await upload.complete();
    ctx.deps.files = realFiles;
    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({ code: 'conflict', message: 'The file changed on the server while it was being checked, so it was not kept. Upload it again.' });
    expect(await tallyOrderFiles(ctx.deps.db, orderId)).toEqual({ count: 0, bytes: 0 });
    expect(await ctx.deps.files.size(upload.fields.key!)).toBeUndefined();
  });

  it('records the SHA-256 of the very bytes it keeps', async () => {
    const orderId = await newOrder('ana@demo.test');
    const file = await (await (await uploadFile(seller, orderId, { name: 'proof.png', type: 'image/png', bytes: png })).complete()).json();
    const link = await seller.get(`/api/orders/${orderId}/files/${file.fileId}`);
    const kept = Buffer.from(await (await fetch(link.headers.get('location')!)).arrayBuffer());
    expect(file.sha256).toBe(sha(png));
    expect(sha(kept)).toBe(file.sha256);
  });

  it('checks again, from one read, when the caller kept no read of its own (reference files), and refuses a changed object', async () => {
    const orderId = await newOrder('ana@demo.test');
    const key = `incoming/requests/${shop.shopId}/${newId()}`;
    await realFiles.put(key, png, 'image/png');
    const checked = await checkUploadedObject(realFiles, { key, maxBytes: png.length });
    if (!checked.ok) throw new Error(checked.reason);
    const input = { orderId, key, filename: 'ref.png', size: checked.size, detected: checked.detected, purpose: 'reference' as const, uploadedBy: { kind: 'customer' as const, email: 'ana@demo.test' } };

    ctx.deps.files = swappingStore();
    await expect(recordCheckedFile(ctx.deps, input)).rejects.toMatchObject({ code: 'conflict' });
    ctx.deps.files = realFiles;
    expect(await realFiles.size(key)).toBeUndefined();

    await realFiles.put(key, png, 'image/png');
    const kept = await recordCheckedFile(ctx.deps, input);
    expect(kept.sha256).toBe(sha(png));
  });
});

describe('the local S3 (s3rver) and CopySourceIfMatch', () => {
  it('moves an object only while its ETag is the one that was read, even though s3rver ignores the condition', async () => {
    const key = `incoming/probe/${newId()}`;
    await realFiles.put(key, png, 'image/png');
    const read = await realFiles.inspect(key, { headBytes: 16, maxBytes: 4096 });
    if (!read || 'tooLarge' in read) throw new Error('no read');
    expect(read).toMatchObject({ size: png.length, sha256: sha(png) });
    expect(read.etag).toBe(`"${createHash('md5').update(png).digest('hex')}"`);

    await realFiles.put(key, swapped, 'image/png');
    const to = `files/probe/${newId()}.png`;
    expect(await realFiles.moveIfUnchanged({ from: key, to, contentType: 'image/png', etag: read.etag })).toBe(false);
    expect(await realFiles.size(to)).toBeUndefined();

    await realFiles.put(key, png, 'image/png');
    expect(await realFiles.moveIfUnchanged({ from: key, to, contentType: 'image/png', etag: read.etag })).toBe(true);
    expect(await realFiles.size(to)).toBe(png.length);
    expect(await realFiles.size(key)).toBeUndefined();
  });
});

describe('reference uploads on the request page', () => {
  it('are signed for exactly the declared size too', async () => {
    const res = await new TestClient(ctx, { ip: '100.66.0.1' }).post('/api/shops/demo/request-uploads', { filename: 'kitchen.png', contentType: 'image/png', size: 1234 });
    expect(res.status).toBe(201);
    const { fields, maxBytes } = await res.json();
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', 1234, 1234]);
    expect(maxBytes).toBe(1234);
  });
});

describe('the portal, when the bucket refuses a POST', () => {
  it('says why in words', () => {
    const s3Error = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
    expect(storageRefusal(s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'))).toBe('The file changed on your device while it was being sent. Choose it again.');
    expect(storageRefusal(s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size'))).toBe('The file changed on your device while it was being sent. Choose it again.');
    expect(storageRefusal(s3Error('AccessDenied', 'Invalid according to Policy: Policy expired.'))).toBe('The upload took longer than its 15 minutes. Try again, on a faster connection if you can.');
    expect(storageRefusal('')).toBe('The upload was refused by storage.');
  });
});
