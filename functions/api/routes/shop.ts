import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { requireSeller } from '#functions/api/middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { listIntakeForms } from '#shared/domain/intake/list-intake-forms.ts';
import { saveIntakeForm } from '#shared/domain/intake/save-intake-form.ts';
import { getDashboardSummary } from '#shared/domain/shop/get-dashboard-summary.ts';
import { getShopSettings } from '#shared/domain/shop/get-shop-settings.ts';
import { saveShopSettings } from '#shared/domain/shop/save-shop-settings.ts';
import { intakeFormInputSchema, intakeFormSchema } from '#shared/schemas/intake-form.ts';
import { orderStatuses } from '#shared/schemas/order-status.ts';
import { viewerTodayQuerySchema } from '#shared/schemas/order.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';
import { shopSettingsInputSchema, shopSettingsSchema } from '#shared/schemas/shop-settings.ts';

const tags = ['shop'];
const formIdParam = z.object({ formId: z.string().regex(/^[a-z0-9]{16}$/, 'is not a form id') });
const sellerFormSchema = lazySchema(() => intakeFormSchema().extend({ archived: z.boolean() }));
const toView = (f: { formId: string; version: number; name: string; description?: string | undefined; fields: unknown[]; updatedAt: string; archived: boolean }, isDefault: boolean) =>
  ({ ...f, isDefault }) as z.infer<ReturnType<typeof sellerFormSchema>>;

const summary = createRoute({
  method: 'get',
  path: '/shop/summary',
  tags,
  summary: 'Dashboard counts per status, overdue and due-soon orders',
  request: { query: viewerTodayQuerySchema },
  responses: {
    200: jsonResponse(
      'The summary',
      () =>
        z.object({
          shop: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
          counts: z.record(z.enum(orderStatuses), z.int()),
          open: z.int(),
          overdue: z.int(),
          dueSoon: z.int(),
        }),
    ),
    ...errorResponses(401, 403),
  },
});

const listForms = createRoute({
  method: 'get',
  path: '/shop/intake-forms',
  tags,
  summary: "The shop's intake forms",
  responses: { 200: jsonResponse('The forms', () => z.object({ forms: z.array(sellerFormSchema()), shopSlug: z.string() })), ...errorResponses(401, 403) },
});

const createForm = createRoute({
  method: 'post',
  path: '/shop/intake-forms',
  tags,
  summary: 'Create an intake form',
  request: { body: jsonBody(intakeFormInputSchema) },
  responses: { 201: jsonResponse('Created', sellerFormSchema), ...errorResponses(400, 401, 403) },
});

const saveForm = createRoute({
  method: 'put',
  path: '/shop/intake-forms/{formId}',
  tags,
  summary: 'Save the next version of an intake form (optimistic locking on version)',
  request: { params: formIdParam, body: jsonBody(() => intakeFormInputSchema().and(z.object({ version: z.int().min(1), archived: z.boolean().default(false) }))) },
  responses: { 200: jsonResponse('Saved', sellerFormSchema), ...errorResponses(400, 401, 403, 404, 409) },
});

const getSettings = createRoute({
  method: 'get',
  path: '/shop/settings',
  tags,
  summary: "The shop's name, its request page's slug, and its revision rounds and message",
  responses: { 200: jsonResponse('The settings', shopSettingsSchema), ...errorResponses(401, 403) },
});

const putSettings = createRoute({
  method: 'put',
  path: '/shop/settings',
  tags,
  summary: "Save the shop's name and revision settings (optimistic locking on version); the slug stays",
  request: { body: jsonBody(shopSettingsInputSchema) },
  responses: { 200: jsonResponse('Saved', shopSettingsSchema), ...errorResponses(400, 401, 403, 409) },
});

export const shopRoutes = createRouter()
  .openapi(summary, async (c) => {
    const seller = requireSeller(c);
    return c.json(await getDashboardSummary(c.var.deps, seller.shopId, c.req.valid('query').today), 200);
  })
  .openapi(getSettings, async (c) => c.json(await getShopSettings(c.var.deps, requireSeller(c).shopId), 200))
  .openapi(putSettings, async (c) => c.json(await saveShopSettings(c.var.deps, requireSeller(c).shopId, c.req.valid('json')), 200))
  .openapi(listForms, async (c) => {
    const seller = requireSeller(c);
    return c.json(await listIntakeForms(c.var.deps, seller.shopId), 200);
  })
  .openapi(createForm, async (c) => {
    const seller = requireSeller(c);
    const form = c.req.valid('json');
    const saved = await saveIntakeForm(c.var.deps, { shopId: seller.shopId, form });
    const { forms } = await listIntakeForms(c.var.deps, seller.shopId);
    return c.json(toView(saved, forms.find((f) => f.formId === saved.formId)?.isDefault ?? false), 201);
  })
  .openapi(saveForm, async (c) => {
    const seller = requireSeller(c);
    const { version, archived, ...form } = c.req.valid('json');
    const saved = await saveIntakeForm(c.var.deps, { shopId: seller.shopId, formId: c.req.valid('param').formId, expectedVersion: version, form, archived });
    const { forms } = await listIntakeForms(c.var.deps, seller.shopId);
    return c.json(toView(saved, forms.find((f) => f.formId === saved.formId)?.isDefault ?? false), 200);
  });
