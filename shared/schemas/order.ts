import * as z from '#shared/zod.ts';
import { orderStatuses } from '#shared/schemas/order-status.ts';
import { emailSchema } from '#shared/schemas/common.ts';
import { commentSchema, designSchema } from '#shared/schemas/design.ts';
import { fileSchema } from '#shared/schemas/file.ts';
import { personalizationMaxLength } from '#shared/domain/intake/personalization.ts';
import { answerValueSchema, storedAnswerSchema } from '#shared/schemas/intake-form.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import { searchMaxLength } from '#shared/text/search-text.ts';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date');

/** The viewer's own calendar date, for "overdue" and "due soon" as they see it (see `viewerToday`). */
export const viewerTodayQuerySchema = z.object({ today: isoDateSchema.optional() });

export const orderStatusSchema = z.enum(orderStatuses);
const text = (max: number) => z.string().trim().max(max);

export const newOrderSchema = lazySchema(() =>
  z.object({
    title: text(140).min(1, 'An order needs a title.'),
    customer: z.object({ name: text(120).min(1, 'Enter the customer’s name.'), email: emailSchema() }),
    dueDate: isoDateSchema.optional(),
    description: text(5000).optional(),
    personalization: text(personalizationMaxLength).optional(),
  }),
);

export const orderPatchSchema = lazySchema(() =>
  z.object({
    version: z.int().min(1),
    title: text(140).min(1, 'An order needs a title.').optional(),
    customerName: text(120).min(1, 'Enter the customer’s name.').optional(),
    dueDate: isoDateSchema.nullable().optional(),
    description: text(5000).nullable().optional(),
    personalization: text(personalizationMaxLength).nullable().optional(),
  }),
);
export type OrderPatch = z.infer<ReturnType<typeof orderPatchSchema>>;

export const transitionSchema = lazySchema(() =>
  z.object({
    to: orderStatusSchema,
    reason: text(500).optional(),
    version: z.int().min(1),
  }),
);

export const orderListQuerySchema = z.object({
  status: z.union([orderStatusSchema, z.enum(['open', 'closed'])]).optional(),
  q: z.string().trim().max(searchMaxLength, `A search can be at most ${searchMaxLength} characters: search for a shorter part, such as a name or the reference.`).optional(),
  dueBefore: isoDateSchema.optional(),
  sort: z.enum(['due', 'activity']).default('due'),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  today: isoDateSchema.optional(),
});

/** A public custom request: the form's answers plus who is asking; `website` is a honeypot. */
export const customerRequestSchema = lazySchema(() =>
  z.object({
    formId: z.string().max(40).optional(),
    name: text(120).min(1, 'Enter your name.'),
    email: emailSchema(),
    answers: z.record(z.string().max(40), answerValueSchema()).refine((a) => Object.keys(a).length <= 60, 'Too many answers.'),
    website: z.string().max(500).optional(),
    /** The secret that ties reference files uploaded before submitting to this request. */
    uploadDraft: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an upload draft').optional(),
  }),
);

export const orderSummarySchema = lazySchema(() =>
  z.object({
    orderId: z.string(),
    reference: z.string(),
    title: z.string(),
    status: orderStatusSchema,
    customer: z.object({ name: z.string(), email: z.string() }),
    dueDate: z.string().nullable(),
    dueState: z.enum(['overdue', 'due_soon', 'on_track', 'no_date', 'closed']),
    lastActivityAt: z.string(),
    createdAt: z.string(),
    shopId: z.string(),
    shopName: z.string(),
    /** The text made on the piece: what a seller often knows an order by. */
    personalization: z.string().nullable(),
    version: z.int(),
  }),
);
export type OrderSummary = z.infer<ReturnType<typeof orderSummarySchema>>;

const activitySchema = lazySchema(() =>
  z.object({
    eventId: z.string(),
    type: z.string(),
    at: z.string(),
    actor: z.object({ kind: z.enum(['seller', 'customer', 'system']), email: z.string().optional(), name: z.string().optional() }),
    data: z.record(z.string(), z.unknown()),
  }),
);

export const orderDetailSchema = lazySchema(() =>
  orderSummarySchema().extend({
    description: z.string().nullable(),
    heldFrom: orderStatusSchema.nullable(),
    source: z.enum(['intake', 'manual', 'etsy']),
    intake: z.object({ formId: z.string(), formVersion: z.int(), formName: z.string(), answers: z.array(storedAnswerSchema()) }).nullable(),
    payment: z.object({ state: z.enum(['not_linked', 'unpaid', 'paid', 'refunded']) }),
    etsy: z.object({ receiptId: z.string(), url: z.string() }).nullable(),
    updatedAt: z.string(),
  }),
);

export const orderPageSchema = lazySchema(() =>
  z.object({
    order: orderDetailSchema(),
    shop: z.object({ name: z.string(), slug: z.string() }),
    activity: z.array(activitySchema()),
    allowedTransitions: z.array(z.object({ to: orderStatusSchema, requiresReason: z.boolean() })),
    viewer: z.enum(['seller', 'customer']),
    /** Proof versions, newest first. */
    designs: z.array(designSchema()),
    /** Every comment on every proof, oldest first; replies carry their thread's id. */
    comments: z.array(commentSchema()),
    files: z.array(fileSchema()),
    revisions: z.object({ allowance: z.int(), used: z.int(), message: z.string() }),
  }),
);
export type OrderPage = z.infer<ReturnType<typeof orderPageSchema>>;
