import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '#shared/db/db.ts';
import type { Principal } from '#shared/db/session.ts';
import { putSeller } from '#shared/db/seller.ts';
import { createShop, type Shop } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId } from '#shared/domain/ids.ts';
import { saveIntakeForm } from '#shared/domain/intake/save-intake-form.ts';
import { dueDateField, dueDateFromAnswers } from '#shared/domain/intake/due-date-field.ts';
import { personalizationFromAnswers } from '#shared/domain/intake/personalization.ts';
import { validateAnswers } from '#shared/domain/intake/validate-answers.ts';
import { createOrder } from '#shared/domain/orders/create-order.ts';
import { transitionOrder } from '#shared/domain/orders/transition-order.ts';
import { createHash } from 'node:crypto';
import { putOrderFile, type OrderFile } from '#shared/db/order-file.ts';
import { commentOnDesign } from '#shared/domain/designs/comment-on-design.ts';
import { makePreviews } from '#shared/domain/files/make-previews.ts';
import { decideDesign } from '#shared/domain/designs/decide-design.ts';
import { postDesign } from '#shared/domain/designs/post-design.ts';
import { demoProofPng } from '#infra/local/demo-images.ts';
import { getOrder, type Order } from '#shared/db/order.ts';
import { intakeFormInputSchema, type AnswerValue } from '#shared/schemas/intake-form.ts';
import type * as z from '#shared/zod.ts';
import type { OrderStatus } from '#shared/schemas/order-status.ts';

export const demo = {
  shopSlug: 'demo',
  shopName: 'Willow & Wick',
  referencePrefix: 'WW',
  seller: { email: 'seller@demo.test', name: 'Mira Lindqvist' },
  customers: [
    { email: 'ana@demo.test', name: 'Ana Souza' },
    { email: 'ben@demo.test', name: 'Ben Okafor' },
  ],
} as const;

const boardForm: z.input<ReturnType<typeof intakeFormInputSchema>> = {
  name: 'Engraved cutting board',
  description: 'Tell us what to engrave and we will send you a proof before we cut.',
  isDefault: true,
  fields: [
    { id: 'engraving', type: 'short_text', label: 'Engraving text', help: 'Names, a date, a short line. We match the spelling exactly.', required: true, maxLength: 40, personalization: true },
    { id: 'wood', type: 'single_choice', label: 'Wood', required: true, options: ['Walnut', 'Oak', 'Maple'] },
    { id: 'size', type: 'single_choice', label: 'Size', required: true, options: ['Small (30 × 20 cm)', 'Medium (40 × 25 cm)', 'Large (50 × 30 cm)'] },
    { id: 'extras', type: 'multiple_choice', label: 'Extras', options: ['Gift box', 'Juice groove', 'Board oil'] },
    { id: 'needed_by', type: 'date', label: 'Needed by', help: 'Leave empty if there is no rush.', dueDate: true, dueDaysBefore: 3 },
    { id: 'notes', type: 'long_text', label: 'Anything else?', maxLength: 1000 },
    { id: 'photos', type: 'file', label: 'Photos or sketches', help: 'Handwriting to copy, a logo, a photo of the kitchen.', maxFiles: 3 },
  ],
};

const candleForm: z.input<ReturnType<typeof intakeFormInputSchema>> = {
  name: 'Candle set for an event',
  description: 'Hand-poured soy candles with your label, for weddings, showers and parties.',
  isDefault: false,
  fields: [
    { id: 'quantity', type: 'number', label: 'How many candles', required: true, min: 10, max: 300, integer: true },
    { id: 'scent', type: 'single_choice', label: 'Scent', required: true, options: ['Unscented', 'Fig & cedar', 'Sea salt', 'Lavender'] },
    { id: 'label_text', type: 'short_text', label: 'Label text', required: true, maxLength: 60, personalization: true },
    { id: 'label_color', type: 'color', label: 'Label colour' },
    { id: 'event_date', type: 'date', label: 'Event date', required: true, dueDate: true, dueDaysBefore: 5 },
    { id: 'policies', type: 'checkbox', label: 'I have read the shop policies on custom orders', required: true },
  ],
};

/** The path an order walks to reach each status, as the shop would move it. */
const pathTo: Record<OrderStatus, OrderStatus[]> = {
  requested: [],
  quoted: ['quoted'],
  in_design: ['quoted', 'in_design'],
  awaiting_approval: ['quoted', 'in_design', 'awaiting_approval'],
  approved: ['quoted', 'in_design', 'awaiting_approval', 'approved'],
  in_production: ['quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production'],
  shipped: ['quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped'],
  completed: ['quoted', 'in_design', 'awaiting_approval', 'approved', 'in_production', 'shipped', 'completed'],
  cancelled: ['cancelled'],
  on_hold: ['quoted', 'in_design', 'on_hold'],
};

type DemoOrder = { title: string; status: OrderStatus; customer: 0 | 1; dueInDays?: number; form?: 'board' | 'candle'; answers?: Record<string, AnswerValue>; personalization?: string };

const demoOrders: DemoOrder[] = [
  { title: 'Engraved cutting board', status: 'requested', customer: 0, dueInDays: 24, form: 'board', answers: { engraving: 'The Souzas · est. 2019', wood: 'Walnut', size: 'Medium (40 × 25 cm)', extras: ['Gift box'] } },
  { title: 'Candle set for an event', status: 'requested', customer: 1, dueInDays: 75, form: 'candle', answers: { quantity: 60, scent: 'Fig & cedar', label_text: 'Ada & Ben · 12.06', label_color: '#7a8b5c', policies: true } },
  { title: 'Personalised leather dog collar, "Biscuit"', status: 'quoted', customer: 1, dueInDays: 18, personalization: 'BISCUIT · 07700 900123' },
  { title: 'Wedding favour candles (40)', status: 'in_design', customer: 0, dueInDays: 9, personalization: 'Ana & Luis · 14.02.2027' },
  { title: 'Custom ceramic house-number plaque', status: 'in_design', customer: 1, dueInDays: -1, personalization: '42 Willow Lane' },
  { title: 'Engraved cutting board, "Nonna\'s kitchen"', status: 'awaiting_approval', customer: 0, dueInDays: 2, form: 'board', answers: { engraving: "Nonna's kitchen", wood: 'Oak', size: 'Large (50 × 30 cm)', extras: ['Juice groove', 'Board oil'] } },
  { title: 'Pet portrait coasters (set of 4)', status: 'awaiting_approval', customer: 1, dueInDays: 12 },
  { title: 'Monogrammed linen napkins (12)', status: 'approved', customer: 0, dueInDays: 15, personalization: 'A·S' },
  { title: 'Walnut recipe box with engraved lid', status: 'in_production', customer: 1, dueInDays: -2, personalization: 'Recipes from the Okafor kitchen' },
  { title: 'Embroidered baby blanket, "Noah 2026"', status: 'in_production', customer: 0, dueInDays: 6, personalization: 'Noah · 3 March 2026' },
  { title: 'Hand-stamped brass keyring', status: 'shipped', customer: 1, dueInDays: -4, personalization: 'Drive safe, B.' },
  { title: 'Anniversary star map print', status: 'completed', customer: 0, dueInDays: -20 },
  { title: 'Custom stained-glass sun catcher', status: 'cancelled', customer: 1, dueInDays: 30 },
  { title: 'Engraved wooden toy box', status: 'on_hold', customer: 0, dueInDays: 40, personalization: 'MILA' },
];

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** What the shop wrote when it quoted: a price and how to pay, as the demo seller would. */
const demoQuote = (spec: DemoOrder) =>
  `£${38 + spec.title.length} including delivery.\nI have made a private listing for you on Etsy: once it is paid, I start on the design.`;

/** Whether the table holds nothing yet: only then is the demo seeded. */
export async function isTableEmpty(db: Db): Promise<boolean> {
  const out = await db.ddb.send(new ScanCommand({ TableName: db.table, Limit: 1, ProjectionExpression: 'pk' }));
  return (out.Items?.length ?? 0) === 0;
}

/**
 * A living first run: the demo shop with two intake forms and orders at every stage for Ana
 * and Ben, each walked there through the real use cases, so their activity logs are genuine.
 */
export async function seedDemo(ctx: DomainContext): Promise<{ shop: Shop }> {
  const realNow = ctx.now();
  // The seed's clock starts three weeks back and moves on a few hours before each step, so the
  // activity reads like real history while everything one step records shares its time.
  let clock = realNow.getTime() - 21 * 86_400_000;
  const later = () => void (clock += 5 * 60 * 60_000);
  const seedCtx: DomainContext = { ...ctx, now: () => new Date(clock) };

  const shop: Shop = { shopId: newId(), slug: demo.shopSlug, name: demo.shopName, timeZone: 'Europe/London', referencePrefix: demo.referencePrefix, createdAt: new Date(clock).toISOString() };
  await createShop(ctx.db, shop);
  await putSeller(ctx.db, { email: demo.seller.email, name: demo.seller.name, shopId: shop.shopId, createdAt: shop.createdAt });
  later();
  const forms = {
    board: await saveIntakeForm(seedCtx, { shopId: shop.shopId, form: intakeFormInputSchema().parse(boardForm) }),
    candle: await saveIntakeForm(seedCtx, { shopId: shop.shopId, form: intakeFormInputSchema().parse(candleForm) }),
  };
  const seller: Principal = { kind: 'seller', email: demo.seller.email, shopId: shop.shopId };

  const customerOf = (email: string): Principal => ({ kind: 'customer', email });
  for (const spec of demoOrders) {
    const customer = demo.customers[spec.customer];
    const form = spec.form ? forms[spec.form] : undefined;
    const dueDate = spec.dueInDays === undefined ? undefined : isoDate(new Date(realNow.getTime() + spec.dueInDays * 86_400_000));
    // A request's due date comes from the customer's answer to the form's due-date question: the day they need it, days for delivery later.
    const dueQuestion = form && dueDateField(form.fields);
    const neededBy = dueQuestion && spec.dueInDays !== undefined ? isoDate(new Date(realNow.getTime() + (spec.dueInDays + (dueQuestion.dueDaysBefore ?? 0)) * 86_400_000)) : undefined;
    const answers = spec.answers && dueQuestion && neededBy ? { ...spec.answers, [dueQuestion.id]: neededBy } : spec.answers;
    const checked = form && answers ? validateAnswers(form.fields, answers) : undefined;
    if (checked && !checked.ok) throw new Error(`Demo answers for "${spec.title}" do not fit the form: ${JSON.stringify(checked.errors)}`);
    later();
    let order = await createOrder(seedCtx, {
      shop,
      title: spec.title,
      customer: { ...customer },
      // Requests take these from the form's marked answers, as the request page does.
      dueDate: form && checked?.ok ? dueDateFromAnswers(form.fields, checked.answers) : dueDate,
      personalization: form && checked?.ok ? personalizationFromAnswers(form.fields, checked.answers) : spec.personalization,
      source: form ? 'intake' : 'manual',
      intake: form && checked?.ok ? { formId: form.formId, formVersion: form.version, formName: form.name, answers: checked.answers } : undefined,
      actor: form ? { kind: 'customer', email: customer.email, name: customer.name } : { kind: 'seller', email: demo.seller.email },
    });
    const proofs = proofStory[spec.status];
    for (const to of proofs ? pathTo.quoted : pathTo[spec.status]) {
      const reason = to === 'cancelled' ? 'The customer found one locally' : to === 'quoted' ? demoQuote(spec) : undefined;
      later();
      order = await transitionOrder(seedCtx, seller, { orderId: order.orderId, to, version: order.version, reason });
    }
    if (proofs) {
      await tellProofStory(seedCtx, later, seller, customerOf(customer.email), order, proofs);
      // Past approval, the order goes on along its path (an approved order in production, say).
      let current = (await getOrder(ctx.db, order.orderId))!;
      for (const to of pathTo[spec.status].slice(pathTo[spec.status].indexOf(current.status) + 1)) {
        later();
        current = await transitionOrder(seedCtx, seller, { orderId: current.orderId, to, version: current.version, reason: to === 'shipped' ? 'Royal Mail Tracked 48 · RN482910375GB' : undefined });
      }
    }
  }
  return { shop };
}

/** What happened to the proofs of an order in each status, told through the real use cases. */
const proofStory: Partial<Record<OrderStatus, Array<'changes' | 'approve' | 'pending'>>> = {
  awaiting_approval: ['changes', 'pending'],
  approved: ['approve'],
  in_production: ['changes', 'approve'],
  // Only a customer's decision approves a proof, so every order past approval has one.
  shipped: ['approve'],
  completed: ['approve'],
};
const accents = ['#8a4b2a', '#2f6b3a', '#2a5b86'];

async function tellProofStory(ctx: DomainContext, later: () => void, seller: Principal, customer: Principal, start: Order, story: Array<'changes' | 'approve' | 'pending'>) {
  for (const [index, step] of story.entries()) {
    later();
    const bytes = await demoProofPng({ accent: accents[index % accents.length]!, title: start.personalization || start.title, subtitle: start.title.split(/[,(]/)[0]!.trim(), version: index + 1 });
    const fileId = newId();
    const key = `files/${start.orderId}/${fileId}.png`;
    await ctx.files.put(key, bytes, 'image/png');
    const file: OrderFile = {
      fileId,
      orderId: start.orderId,
      purpose: 'design',
      filename: `proof-v${index + 1}.png`,
      contentType: 'image/png',
      kind: 'image',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      key,
      preview: { state: 'pending' },
      uploadedBy: { kind: 'seller', email: demo.seller.email },
      uploadedAt: ctx.now().toISOString(),
    };
    await putOrderFile(ctx.db, file);
    await makePreviews(ctx, file);
    const design = await postDesign(ctx, seller, { orderId: start.orderId, fileIds: [fileId], note: index === 0 ? 'Here is a first layout.' : 'Updated as you asked.' });
    if (step === 'pending') continue;
    if (step === 'changes') {
      // The customer pins a remark on the proof and the shop answers in its thread.
      later();
      const pinned = await commentOnDesign(ctx, customer, { orderId: start.orderId, designId: design.designId, body: 'Could this line be a little larger?', pin: { fileId, x: 0.5, y: 0.42 } });
      later();
      await commentOnDesign(ctx, seller, { orderId: start.orderId, designId: design.designId, body: 'Yes, I will make it bolder in the next version.', parentId: pinned.commentId });
    }
    const personalization = start.personalization ?? '';
    later();
    await decideDesign(ctx, customer, {
      orderId: start.orderId,
      designId: design.designId,
      decision: step === 'approve' ? 'approve' : 'request_changes',
      note: step === 'changes' ? 'Could the lettering be a little larger?' : undefined,
      confirm: step === 'approve' ? { sha256s: design.files.map((f) => f.sha256), personalization } : undefined,
      ip: '127.0.0.1',
      userAgent: 'Atelier demo seed',
    });
  }
}
