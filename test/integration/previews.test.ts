import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '#functions/bundle.ts';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { getOrderFile } from '#shared/db/order-file.ts';
import type { Shop } from '#shared/db/shop.ts';
import { previewMaxSide, thumbnailMaxSide } from '#shared/domain/files/make-previews.ts';
import { previewStoredFile } from '#shared/domain/files/preview-stored-file.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import type { TestClient } from '#test/helpers/http.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { setLambdaEnvironment } from '#test/helpers/lambda-environment.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { uploadFile } from '#test/helpers/uploads.ts';

let ctx: TestContext;
let shop: Shop;
let seller: TestClient;
let ben: TestClient;
let orderId: string;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  seller = await clientAs(ctx, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId });
  ben = await clientAs(ctx, { kind: 'customer', email: 'ben@demo.test' });
  orderId = (await createOrder(ctx.deps, { shop, title: 'Preview target', customer: { email: 'ana@demo.test', name: 'Ana' }, source: 'manual', actor: { kind: 'system' } })).orderId;
});
afterAll(() => ctx.dispose());

/** Follows the API's redirect to the bucket and returns the bytes and the URL's disposition. */
async function fetchVariant(client: TestClient, fileId: string, variant: string) {
  const link = await client.get(`/api/orders/${orderId}/files/${fileId}?variant=${variant}`);
  if (link.status !== 302) return { status: link.status };
  const location = new URL(link.headers.get('location')!);
  const bytes = Buffer.from(await (await fetch(location)).arrayBuffer());
  return { status: 302, location, bytes, meta: await sharp(bytes).metadata().catch(() => undefined) };
}

describe('previews', () => {
  it('makes a bounded PNG preview and thumbnail of a large photo, turned upright', async () => {
    // 2400×1200 as stored, with EXIF orientation 6: shown upright it is 1200×2400.
    const photo = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#c06030' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const file = await (await (await uploadFile(seller, orderId, { name: 'photo.jpg', type: 'image/jpeg', bytes: photo })).complete()).json();
    expect(file.previewState).toBe('ready');

    const preview = await fetchVariant(seller, file.fileId, 'preview');
    expect(preview.location!.origin).toBe(new URL(ctx.config.s3Endpoint!).origin);
    expect(preview.meta).toMatchObject({ format: 'png', width: previewMaxSide / 2, height: previewMaxSide });
    expect(preview.meta!.exif).toBeUndefined();
    const thumbnail = await fetchVariant(seller, file.fileId, 'thumbnail');
    expect(thumbnail.meta).toMatchObject({ format: 'png', width: thumbnailMaxSide / 2, height: thumbnailMaxSide });
    // The original is untouched.
    const original = await fetchVariant(seller, file.fileId, 'original');
    expect(original.bytes!.equals(photo)).toBe(true);
    // Previews are guarded like their file.
    expect((await fetchVariant(ben, file.fileId, 'preview')).status).toBe(404);
  });

  it('never enlarges a small image', async () => {
    const small = await sharp({ create: { width: 120, height: 80, channels: 4, background: '#2a5b86' } }).png().toBuffer();
    const file = await (await (await uploadFile(seller, orderId, { name: 'small.png', type: 'image/png', bytes: small })).complete()).json();
    expect((await fetchVariant(seller, file.fileId, 'preview')).meta).toMatchObject({ width: 120, height: 80 });
  });

  it('rasterizes an SVG, script and all, to a PNG the browser may show inline', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><script>alert(1)</script><rect width="200" height="100" fill="#ff0000"/></svg>');
    const file = await (await (await uploadFile(seller, orderId, { name: 'logo.svg', type: 'image/svg+xml', bytes: svg })).complete()).json();
    expect(file).toMatchObject({ kind: 'svg', previewState: 'ready' });
    const preview = await fetchVariant(seller, file.fileId, 'preview');
    expect(preview.location!.searchParams.get('response-content-type')).toBe('image/png');
    expect(preview.location!.searchParams.get('response-content-disposition')).toMatch(/^inline; filename="logo.png"/);
    expect(preview.meta).toMatchObject({ format: 'png', width: 400, height: 200 });
    expect(preview.bytes!.includes(Buffer.from('<script'))).toBe(false);
    const { data } = await sharp(preview.bytes!).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 0, 0]);
  });

  it('marks a file whose bytes cannot be rendered as failed, without an error', async () => {
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const res = await (await uploadFile(seller, orderId, { name: 'broken.png', type: 'image/png', bytes: broken })).complete();
    expect(res.status).toBe(201);
    const file = await res.json();
    expect(file.previewState).toBe('failed');
    expect((await fetchVariant(seller, file.fileId, 'preview')).status).toBe(404);
    expect((await fetchVariant(seller, file.fileId, 'original')).status).toBe(302);
  });

  it('makes no preview for a PDF (the review page renders it with pdf.js)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const file = await (await (await uploadFile(seller, orderId, { name: 'layout.pdf', type: 'application/pdf', bytes: pdf })).complete()).json();
    expect(file).toMatchObject({ kind: 'pdf', previewState: 'none' });
  });
});

describe('the files Lambda’s use case', () => {
  it('previews a pending file from its bucket key, and ignores keys that are not files', async () => {
    const image = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#2f6b3a' } }).png().toBuffer();
    // Finalized without in-process previews: pending, as in AWS.
    const { finalizeUpload } = await import('#shared/domain/files/finalize-upload.ts');
    const upload = await uploadFile(seller, orderId, { name: 'pending.png', type: 'image/png', bytes: image });
    const file = await finalizeUpload({ ...ctx.deps, previews: undefined }, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId }, { orderId, uploadId: upload.uploadId });
    expect(file.preview.state).toBe('pending');

    expect(await previewStoredFile(ctx.deps, `incoming/${orderId}/x`)).toBe('not_a_file');
    const done = await previewStoredFile(ctx.deps, file.key);
    expect(done).toMatchObject({ preview: { state: 'ready', width: 900, height: 300 } });
    expect((await getOrderFile(ctx.deps.db, orderId, file.fileId))!.preview.state).toBe('ready');
  });

  it('waits for a record that is a moment behind its object, then gives up so the event is retried', async () => {
    await expect(previewStoredFile(ctx.deps, `files/${orderId}/nosuchfile0000.png`, { attempts: 2, delayMs: 10 })).rejects.toThrow(/No record/);
  });
});

describe('the files Lambda bundle', () => {
  it('runs as shipped (sharp copied beside it) and previews the object of an S3 event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-files-bundle-'));
    try {
      const bundle = await bundleFunction(join(repoRoot, 'functions/files/index.ts'), dir, { native: ['sharp'] });
      setLambdaEnvironment(ctx);
      const { handler } = (await import(pathToFileURL(bundle.file).href)) as { handler: (event: unknown) => Promise<void> };

      const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a4b2a' } }).png().toBuffer();
      const upload = await uploadFile(seller, orderId, { name: 'label draft.png', type: 'image/png', bytes: image });
      const { finalizeUpload } = await import('#shared/domain/files/finalize-upload.ts');
      const file = await finalizeUpload({ ...ctx.deps, previews: undefined }, { kind: 'seller', email: demo.seller.email, shopId: shop.shopId }, { orderId, uploadId: upload.uploadId });
      await handler({ Records: [{ eventName: 'ObjectCreated:Post', s3: { bucket: { name: ctx.config.uploadsBucket }, object: { key: encodeURIComponent(file.key) } } }] });
      expect((await getOrderFile(ctx.deps.db, orderId, file.fileId))!.preview).toMatchObject({ state: 'ready', width: 640, height: 480 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
