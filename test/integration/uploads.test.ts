import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import type { Shop } from '#shared/db/shop.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { uploadFile } from '#test/helpers/uploads.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let ana: TestClient;
let ben: TestClient;
let orderId: string;

// A real 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: '4096' });
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  ana = await clientAs(ctx, { kind: 'customer', email: 'ana@demo.test' });
  ben = await clientAs(ctx, { kind: 'customer', email: 'ben@demo.test' });
  orderId = (await createOrder(ctx.deps, { shop, title: 'Upload target', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } })).orderId;
});
afterAll(() => ctx.dispose());

describe('direct uploads', () => {
  it('signs a POST policy that fixes the key, the content type and the size: exactly the declared one', async () => {
    const res = await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', filename: 'proof.png', contentType: 'image/png', size: 1000 });
    expect(res.status).toBe(201);
    const { fields, uploadId, maxBytes } = await res.json();
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'));
    expect(fields.key).toBe(`incoming/${orderId}/${uploadId}`);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1000, 1000], ['eq', '$Content-Type', 'image/png'], ['eq', '$key', fields.key], { bucket: ctx.config.uploadsBucket }]),
    );
    // One size range, no looser one beside it.
    expect(policy.conditions.filter((c: unknown) => Array.isArray(c) && c[0] === 'content-length-range')).toHaveLength(1);
    expect(maxBytes).toBe(1000);
    const expiresIn = Date.parse(policy.expiration) - Date.now();
    expect(expiresIn).toBeGreaterThan(10 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000 + 5_000);
  });

  it('uploads to S3, checks the bytes on the server and records the SHA-256', async () => {
    const upload = await uploadFile(seller, orderId, { name: 'proof v1.png', type: 'image/png', bytes: png });
    const res = await upload.complete();
    expect(res.status).toBe(201);
    const file = await res.json();
    expect(file).toMatchObject({ filename: 'proof v1.png', contentType: 'image/png', kind: 'image', size: png.length, sha256: sha(png) });

    const link = await ana.get(`/api/orders/${orderId}/files/${file.fileId}`);
    expect(link.status).toBe(302);
    const location = new URL(link.headers.get('location')!);
    expect(location.origin).toBe(new URL(ctx.config.s3Endpoint!).origin);
    expect(location.searchParams.get('response-content-disposition')).toMatch(/^inline; filename="proof v1.png"/);
    const downloaded = Buffer.from(await (await fetch(location)).arrayBuffer());
    expect(sha(downloaded)).toBe(sha(png));

    // The same upload cannot be finalized twice.
    expect((await upload.complete()).status).toBe(404);
  });

  it('refuses an HTML file named .png, and deletes it', async () => {
    const upload = await uploadFile(seller, orderId, { name: 'innocent.png', type: 'image/png', bytes: Buffer.from('<!doctype html><script>alert(document.cookie)</script>') });
    const res = await upload.complete();
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/^Only images \(PNG, JPEG, WebP, GIF\), PDF, SVG, AI and EPS files can be sent/);
    expect(await ctx.deps.files.size(upload.fields.key!)).toBeUndefined();
  });

  it('refuses a polyglot', async () => {
    const polyglot = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('/*<html><script>alert(1)</script>*/')]);
    expect((await (await uploadFile(seller, orderId, { name: 'fun.gif', type: 'image/gif', bytes: polyglot })).complete()).status).toBe(422);
  });

  it('refuses a file over the limit, declared or not', async () => {
    const declared = await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', filename: 'big.png', contentType: 'image/png', size: 5000 });
    expect(declared.status).toBe(413);
    // The local S3 does not enforce the POST policy: the server's own check must hold.
    const big = Buffer.concat([png, Buffer.alloc(5000)]);
    const signed = await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', filename: 'big.png', contentType: 'image/png', size: 100 });
    const { uploadId, url, fields } = await signed.json();
    const form = new FormData();
    for (const [k, v] of Object.entries(fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(big)]), 'big.png');
    await fetch(url, { method: 'POST', body: form });
    const res = await seller.post(`/api/orders/${orderId}/uploads/${uploadId}/complete`);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe('The file that arrived is larger than the 100 bytes its upload was signed for. Upload it again.');
    expect(await ctx.deps.files.size(fields.key)).toBeUndefined();
  });

  it('refuses content types outside the allowlist before signing', async () => {
    const res = await seller.post(`/api/orders/${orderId}/uploads`, { purpose: 'design', filename: 'x.html', contentType: 'text/html', size: 10 });
    expect(res.status).toBe(415);
  });

  it('serves an SVG original only as an attachment, script and all', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10" fill="red"/></svg>');
    const file = await (await (await uploadFile(seller, orderId, { name: 'logo.svg', type: 'image/svg+xml', bytes: svg })).complete()).json();
    expect(file.kind).toBe('svg');
    const link = await seller.get(`/api/orders/${orderId}/files/${file.fileId}`);
    const location = new URL(link.headers.get('location')!);
    expect(location.searchParams.get('response-content-disposition')).toMatch(/^attachment;/);
  });

  it('lets only the order’s customer and shop upload, finalize or read its files', async () => {
    expect((await ben.post(`/api/orders/${orderId}/uploads`, { purpose: 'reference', filename: 'a.png', contentType: 'image/png', size: 10 })).status).toBe(404);
    const upload = await uploadFile(ana, orderId, { name: 'ref.png', type: 'image/png', bytes: png, purpose: 'reference' });
    // Someone else cannot finish another person's upload, even on the same order.
    expect((await seller.post(`/api/orders/${orderId}/uploads/${upload.uploadId}/complete`)).status).toBe(404);
    const file = await (await upload.complete()).json();
    expect((await ben.get(`/api/orders/${orderId}/files/${file.fileId}`)).status).toBe(404);
    expect((await seller.get(`/api/orders/${orderId}/files/${file.fileId}`)).status).toBe(302);
  });
});
