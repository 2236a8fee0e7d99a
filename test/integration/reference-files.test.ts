import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let seller: TestClient;
let ip = 0;
const visitor = () => new TestClient(ctx, { ip: `100.65.0.${++ip}` });
const board = { engraving: 'The Parkers', wood: 'Oak', size: 'Small (30 × 20 cm)' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  seller = await signedInClient(ctx, 'seller@demo.test');
});
afterAll(() => ctx.dispose());

/** What the request page does for each attached file: sign, then post it straight to S3. */
async function attach(client: TestClient, file: { name: string; type: string; bytes: Uint8Array }, draft?: string) {
  const signed = await client.post('/api/shops/demo/request-uploads', { filename: file.name, contentType: file.type, size: file.bytes.length, ...(draft ? { draft } : {}) });
  expect(signed.status, await signed.clone().text()).toBe(201);
  const body = (await signed.json()) as { draft: string; uploadId: string; url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [k, v] of Object.entries(body.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  expect((await fetch(body.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return body;
}

describe('reference files on a request', () => {
  it('lets a customer attach files before sending, and makes them files of the new order with their hashes', async () => {
    const customer = visitor();
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c8a27a' } }).jpeg().toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const first = await attach(customer, { name: 'kitchen.jpg', type: 'image/jpeg', bytes: photo });
    expect(first.fields.key).toMatch(/^incoming\/requests\//);
    const second = await attach(customer, { name: 'handwriting.pdf', type: 'application/pdf', bytes: pdf }, first.draft);
    expect(second.draft).toBe(first.draft);

    const res = await customer.post('/api/shops/demo/requests', {
      name: 'Priya Parker',
      email: 'priya@demo.test',
      answers: { ...board, photos: [first.uploadId, second.uploadId] },
      uploadDraft: first.draft,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { reference } = await res.json();

    const { items } = await (await seller.get(`/api/orders?status=requested&q=${reference}`)).json();
    const page = await (await seller.get(`/api/orders/${items[0].orderId}`)).json();
    const refs = page.files.filter((f: { purpose: string }) => f.purpose === 'reference');
    expect(refs.map((f: { filename: string; sha256: string; uploadedBy: { email: string } }) => [f.filename, f.sha256, f.uploadedBy.email]).sort()).toEqual(
      [
        ['handwriting.pdf', sha(pdf), 'priya@demo.test'],
        ['kitchen.jpg', sha(photo), 'priya@demo.test'],
      ].sort(),
    );
    expect(refs.find((f: { filename: string }) => f.filename === 'kitchen.jpg').previewState).toBe('ready');
    expect(page.order.intake.answers.find((a: { fieldId: string }) => a.fieldId === 'photos').value).toEqual(['kitchen.jpg', 'handwriting.pdf']);
    // The draft is spent: sending it again claims nothing.
    const again = await customer.post('/api/shops/demo/requests', { name: 'Priya', email: 'priya@demo.test', answers: { ...board, photos: [first.uploadId] }, uploadDraft: first.draft });
    expect(again.status).toBe(400);
  });

  it('refuses a disguised file by its bytes, deletes it, and creates no order', async () => {
    const customer = visitor();
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const up = await attach(customer, { name: 'photo.png', type: 'image/png', bytes: html });
    const before = (await (await seller.get('/api/orders?status=requested')).json()).items.length;
    const res = await customer.post('/api/shops/demo/requests', { name: 'Mallory', email: 'mallory@demo.test', answers: { ...board, photos: [up.uploadId] }, uploadDraft: up.draft });
    expect(res.status).toBe(422);
    const error = (await res.json()).error;
    expect(error.details.fields).toEqual([{ fieldId: 'photos', message: expect.stringMatching(/^photo\.png: Only images \(PNG, JPEG, WebP, GIF\), PDF, SVG, AI and EPS files can be sent: this file is none of these\.$/) }]);
    expect(await ctx.deps.files.size(up.fields.key!)).toBeUndefined();
    expect((await (await seller.get('/api/orders?status=requested')).json()).items.length).toBe(before);
  });

  it('will not let a request claim uploads of another draft, or more files than the field allows', async () => {
    const alice = visitor();
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    const hers = await attach(alice, { name: 'a.png', type: 'image/png', bytes: png });
    const mallory = visitor();
    const mine = await attach(mallory, { name: 'm.png', type: 'image/png', bytes: png });
    const stolen = await mallory.post('/api/shops/demo/requests', { name: 'Mallory', email: 'mallory@demo.test', answers: { ...board, photos: [hers.uploadId] }, uploadDraft: mine.draft });
    expect(stolen.status).toBe(400);
    expect((await stolen.json()).error.details.fields[0]).toMatchObject({ fieldId: 'photos' });
    const noDraft = await mallory.post('/api/shops/demo/requests', { name: 'Mallory', email: 'mallory@demo.test', answers: { ...board, photos: [mine.uploadId] } });
    expect(noDraft.status).toBe(400);
    const tooMany = await mallory.post('/api/shops/demo/requests', { name: 'Mallory', email: 'mallory@demo.test', answers: { ...board, photos: ['a'.repeat(16), 'b'.repeat(16), 'c'.repeat(16), 'd'.repeat(16)] }, uploadDraft: mine.draft });
    expect((await tooMany.json()).error.details.fields).toEqual([{ fieldId: 'photos', message: 'Attach at most 3 files.' }]);
  });

  it('refuses undeclared types and oversize files before signing anything', async () => {
    expect((await visitor().post('/api/shops/demo/request-uploads', { filename: 'x.html', contentType: 'text/html', size: 10 })).status).toBe(415);
    expect((await visitor().post('/api/shops/demo/request-uploads', { filename: 'x.png', contentType: 'image/png', size: 10 ** 10 })).status).toBe(413);
    expect((await visitor().post('/api/shops/nope/request-uploads', { filename: 'x.png', contentType: 'image/png', size: 10 })).status).toBe(404);
  });
});
