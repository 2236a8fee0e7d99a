import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '#infra/local/demo-seed.ts';
import { putSeller } from '#shared/db/seller.ts';
import type { Principal } from '#shared/db/session.ts';
import { createShop, type Shop } from '#shared/db/shop.ts';
import { saveIntakeForm } from '#shared/domain/intake/save-intake-form.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { putOrderFile } from '#shared/db/order-file.ts';
import { requestUpload } from '#shared/domain/files/request-upload.ts';
import { newId } from '#shared/domain/ids.ts';
import { decideDesign } from '#shared/domain/designs/decide-design.ts';
import { postDesign } from '#shared/domain/designs/post-design.ts';
import { commentOnDesign } from '#shared/domain/designs/comment-on-design.ts';
import { transitionOrder } from '#shared/domain/orders/transition-order.ts';
import { clientAs } from '#test/helpers/sessions.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';
import { accessTable, roles, type Fixture, type Role } from '#test/security/access-table.ts';

let ctx: TestContext;
let shop: Shop;
let principals: Record<Role, Principal | undefined>;
let operations: Array<{ key: string; method: string; path: string }>;
let counter = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ shop } = await seedDemo(ctx.deps));
  const other: Shop = { shopId: 'matrixothershop0', slug: 'elsewhere', name: 'Elsewhere', timeZone: 'UTC', referencePrefix: 'EL', createdAt: new Date().toISOString() };
  await createShop(ctx.deps.db, other);
  await putSeller(ctx.deps.db, { email: 'owner@elsewhere.test', name: 'O', shopId: other.shopId, createdAt: other.createdAt });
  principals = {
    anonymous: undefined,
    customer: { kind: 'customer', email: 'ana@demo.test' },
    otherCustomer: { kind: 'customer', email: 'ben@demo.test' },
    seller: { kind: 'seller', email: demo.seller.email, shopId: shop.shopId },
    otherSeller: { kind: 'seller', email: 'owner@elsewhere.test', shopId: other.shopId },
  };
  const doc = await (await ctx.app.request('/api/openapi.json')).json();
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path })),
  );
});
afterAll(() => ctx.dispose());

/** Fresh objects for one cell: an order of Ana's in the demo shop and a form of the demo shop. */
async function freshFixture(): Promise<Fixture> {
  const unique = `${Date.now()}-${++counter}`;
  const seller = principals.seller!;
  const customer = principals.customer!;
  /** A quoted order of Ana's with one recorded file (its bytes are not needed here). */
  const quotedOrder = async () => {
    const created = await createOrder(ctx.deps, { shop, title: 'Matrix piece', customer: { email: 'ana@demo.test', name: 'Ana Souza' }, source: 'manual', actor: { kind: 'system' } });
    const order = await transitionOrder(ctx.deps, seller, { orderId: created.orderId, to: 'quoted', version: created.version });
    const fileId = newId();
    await putOrderFile(ctx.deps.db, {
      fileId,
      orderId: order.orderId,
      purpose: 'design',
      filename: 'p.png',
      contentType: 'image/png',
      kind: 'image',
      size: 10,
      sha256: 'a'.repeat(64),
      key: `files/${order.orderId}/${fileId}.png`,
      preview: { state: 'none' },
      uploadedBy: { kind: 'seller', email: demo.seller.email },
      uploadedAt: new Date().toISOString(),
    });
    return { order, fileId };
  };
  const main = await quotedOrder();
  const form = await saveIntakeForm(ctx.deps, { shopId: shop.shopId, form: { name: `Form ${unique}`, isDefault: false, fields: [{ id: 'w', type: 'short_text', label: 'W', required: false, maxLength: 10 }] } });
  const upload = await requestUpload(ctx.deps, seller, { orderId: main.order.orderId, purpose: 'design', filename: 'p.png', contentType: 'image/png', size: 10 });
  const inReview = await quotedOrder();
  const review = await postDesign(ctx.deps, seller, { orderId: inReview.order.orderId, fileIds: [inReview.fileId] });
  const thread = await commentOnDesign(ctx.deps, seller, { orderId: inReview.order.orderId, designId: review.designId, body: 'Matrix thread', pin: { fileId: inReview.fileId, x: 0.5, y: 0.5 } });
  const toApprove = await quotedOrder();
  const approvedDesign = await postDesign(ctx.deps, seller, { orderId: toApprove.order.orderId, fileIds: [toApprove.fileId] });
  await decideDesign(ctx.deps, customer, {
    orderId: toApprove.order.orderId,
    designId: approvedDesign.designId,
    decision: 'approve',
    confirm: { sha256s: ['a'.repeat(64)], personalization: '' },
    ip: '192.0.2.1',
    userAgent: 'matrix',
  });
  return {
    orderId: main.order.orderId,
    orderVersion: main.order.version,
    formId: form.formId,
    formVersion: form.version,
    uploadId: upload.uploadId,
    fileId: main.fileId,
    review: { orderId: inReview.order.orderId, designId: review.designId, commentId: thread.commentId },
    approved: { orderId: toApprove.order.orderId, designId: approvedDesign.designId },
    unique,
  };
}

describe('the authorization matrix', () => {
  it('has a row for every operation the API documents, and none for operations it does not', () => {
    const documented = operations.map((o) => o.key).sort();
    expect(Object.keys(accessTable).sort()).toEqual(documented);
  });

  it('gives every kind of caller exactly the declared outcome on every operation', async () => {
    const failures: string[] = [];
    // Callers who must be refused go first: a refusal changes nothing, so one fresh fixture per
    // operation serves all five, and the allowed calls come last.
    const order = ['anonymous', 'otherCustomer', 'otherSeller', 'customer', 'seller'] as const;
    expect([...order].sort()).toEqual([...roles].sort());
    for (const op of operations) {
      const row = accessTable[op.key];
      if (!row) continue;
      const f = await freshFixture();
      for (const role of order) {
        const ids: { orderId: string; designId?: string; commentId?: string } = { orderId: f.orderId, ...row.params?.(f) };
        const path = `/api${op.path.replace('{orderId}', ids.orderId).replace('{designId}', ids.designId ?? '').replace('{commentId}', ids.commentId ?? '').replace('{formId}', f.formId).replace('{uploadId}', f.uploadId).replace('{fileId}', f.fileId).replace('{slug}', 'demo')}${row.query ?? ''}`;
        const client = await clientAs(ctx, principals[role]);
        const res = await client.request(op.method, path, row.body ? { json: row.body(f) } : {});
        if (res.status !== row.expect[role]) failures.push(`${op.key} as ${role}: expected ${row.expect[role]}, got ${res.status} ${await res.text()}`);
        // No shared cache (CloudFront, a proxy) may keep one person's answer for the next.
        if (!/\b(no-store|private)\b/.test(res.headers.get('cache-control') ?? '')) failures.push(`${op.key} as ${role}: Cache-Control ${res.headers.get('cache-control')}`);
        if (res.status >= 400) {
          const body = await res.json();
          if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string') failures.push(`${op.key} as ${role}: no error shape`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('answers ids that do not exist with 404 for every signed-in caller', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => /\{(orderId|formId|uploadId|fileId|designId|commentId)\}/.test(o.path))) {
      const f = await freshFixture();
      for (const role of roles.filter((r) => r !== 'anonymous')) {
        const path = `/api${op.path.replace('{orderId}', '0000000000000000').replace('{formId}', '0000000000000000').replace('{uploadId}', '0000000000000000').replace('{fileId}', '0000000000000000').replace('{designId}', '0000000000000000').replace('{commentId}', '0000000000000000')}`;
        const res = await (await clientAs(ctx, principals[role])).request(op.method, path, accessTable[op.key]?.body ? { json: accessTable[op.key]!.body!(f) } : {});
        // A customer asking for a seller-only object learns nothing either way; 403 names only the role.
        const expected = op.path.startsWith('/shop/') && principals[role]?.kind === 'customer' ? 403 : 404;
        if (res.status !== expected) failures.push(`${op.key} as ${role}: expected ${expected}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
