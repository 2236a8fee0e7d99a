import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { requirePrincipal } from '#functions/api/middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { declaredUploadSchema, fileSchema, signedUploadSchema } from '#shared/schemas/file.ts';
import { toFileView } from '#shared/domain/files/file-view.ts';

const id = z.string().regex(/^[a-z0-9]{16}$/, 'is not an id');
const tags = ['files'];

// The use cases load with the first upload or file link, as the S3 client they drive does
// (ADR 0007): the dashboard and the order page need neither.

const createUpload = createRoute({
  method: 'post',
  path: '/orders/{orderId}/uploads',
  tags,
  summary: 'Sign a direct upload to S3 (presigned POST: key, type and size range fixed)',
  request: {
    params: z.object({ orderId: id }),
    body: jsonBody(() => declaredUploadSchema().extend({ purpose: z.enum(['design', 'reference', 'attachment']) })),
  },
  responses: {
    201: jsonResponse('Signed', signedUploadSchema),
    ...errorResponses(400, 401, 404, 409, 413, 415, 429),
  },
});

const completeUpload = createRoute({
  method: 'post',
  path: '/orders/{orderId}/uploads/{uploadId}/complete',
  tags,
  summary: 'Check an uploaded file on the server (size, type by magic bytes) and record it',
  request: { params: z.object({ orderId: id, uploadId: id }) },
  responses: { 201: jsonResponse('Recorded', fileSchema), ...errorResponses(401, 404, 409, 422) },
});

const getFile = createRoute({
  method: 'get',
  path: '/orders/{orderId}/files/{fileId}',
  tags,
  summary: 'Redirect to a short-lived URL of the file (or its preview) on the bucket origin',
  request: { params: z.object({ orderId: id, fileId: id }), query: z.object({ variant: z.enum(['original', 'preview', 'thumbnail']).default('original') }) },
  responses: { 302: { description: 'To the file on the bucket origin' }, ...errorResponses(401, 404) },
});

export const fileRoutes = createRouter()
  .openapi(createUpload, async (c) => {
    const { requestUpload } = await import('#shared/domain/files/request-upload.ts');
    const signed = await requestUpload(c.var.deps, requirePrincipal(c), { orderId: c.req.valid('param').orderId, ...c.req.valid('json') });
    return c.json(signed, 201);
  })
  .openapi(completeUpload, async (c) => {
    const { finalizeUpload } = await import('#shared/domain/files/finalize-upload.ts');
    const file = await finalizeUpload(c.var.deps, requirePrincipal(c), c.req.valid('param'));
    return c.json(toFileView(file), 201);
  })
  .openapi(getFile, async (c) => {
    const { getFileLink } = await import('#shared/domain/files/get-file-link.ts');
    const url = await getFileLink(c.var.deps, requirePrincipal(c), { ...c.req.valid('param'), variant: c.req.valid('query').variant });
    c.header('Cache-Control', 'private, max-age=60');
    return c.redirect(url, 302);
  });
