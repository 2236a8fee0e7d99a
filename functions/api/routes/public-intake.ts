import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { bodyLimit } from 'hono/body-limit';
import { clientIp } from '#functions/api/client-ip.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { getPublicIntakeForm } from '#shared/domain/intake/get-public-intake-form.ts';
import { AppError } from '#shared/errors.ts';
import { declaredUploadSchema, signedUploadSchema } from '#shared/schemas/file.ts';
import { intakeFieldSchema } from '#shared/schemas/intake-form.ts';
import { shopSlugPattern } from '#shared/schemas/common.ts';
import { customerRequestSchema } from '#shared/schemas/order.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';

const slugParam = z.object({ slug: z.string().regex(new RegExp(shopSlugPattern.source, 'i'), 'is not a shop address') });
const tags = ['public'];

const publicFormSchema = lazySchema(() =>
  z.object({
    shop: z.object({ name: z.string(), slug: z.string() }),
    form: z.object({ formId: z.string(), version: z.int(), name: z.string(), description: z.string().nullable(), fields: z.array(intakeFieldSchema()) }),
    forms: z.array(z.object({ formId: z.string(), name: z.string() })),
  }),
);

const getForm = createRoute({
  method: 'get',
  path: '/shops/{slug}/intake-form',
  tags,
  summary: "A shop's intake form for customers (the default one, or ?formId=)",
  request: { params: slugParam, query: z.object({ formId: z.string().max(40).optional() }) },
  responses: { 200: jsonResponse('The form', publicFormSchema), ...errorResponses(404) },
});

/** Requests carry text answers and upload ids only (files go straight to S3): 64 KB is generous. */
const requestBodyLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'This request is too large. Shorten the answers and try again.');
  },
});

const submit = createRoute({
  method: 'post',
  path: '/shops/{slug}/requests',
  tags,
  summary: "A customer's custom request: creates an order in `requested` and emails its reference",
  middleware: [requestBodyLimit] as const,
  request: { params: slugParam, body: jsonBody(customerRequestSchema) },
  responses: {
    201: jsonResponse('Received', () => z.object({ reference: z.string() })),
    ...errorResponses(400, 404, 413, 422, 429),
  },
});

const referenceUpload = createRoute({
  method: 'post',
  path: '/shops/{slug}/request-uploads',
  tags,
  summary: 'Sign the upload of a reference file for a request not yet sent (presigned POST into an upload draft)',
  request: { params: slugParam, body: jsonBody(() => declaredUploadSchema().extend({ draft: customerRequestSchema().shape.uploadDraft })) },
  responses: {
    201: jsonResponse('Signed', () => signedUploadSchema().extend({ draft: z.string() })),
    ...errorResponses(400, 404, 413, 415, 422, 429),
  },
});

export const publicIntakeRoutes = createRouter()
  .openapi(getForm, async (c) => {
    const { collection, form, choices } = await getPublicIntakeForm(c.var.deps, c.req.valid('param').slug, c.req.valid('query').formId);
    return c.json(
      {
        shop: { name: collection.shop.name, slug: collection.shop.slug },
        form: { formId: form.formId, version: form.version, name: form.name, description: form.description ?? null, fields: form.fields },
        forms: choices,
      },
      200,
    );
  })
  .openapi(referenceUpload, async (c) => {
    // Loaded with the first request sent, as the S3 and mail clients it drives are (ADR 0007).
    const { requestReferenceUpload } = await import('#shared/domain/intake/request-reference-upload.ts');
    const signed = await requestReferenceUpload(c.var.deps, { slug: c.req.valid('param').slug, ...c.req.valid('json'), ip: clientIp(c) });
    return c.json(signed, 201);
  })
  .openapi(submit, async (c) => {
    const body = c.req.valid('json');
    const { submitRequest } = await import('#shared/domain/orders/submit-request.ts');
    const { reference } = await submitRequest(c.var.deps, { slug: c.req.valid('param').slug, ...body, ip: clientIp(c) });
    return c.json({ reference }, 201);
  });
