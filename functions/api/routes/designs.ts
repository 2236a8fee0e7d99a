import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { clientIp } from '#functions/api/client-ip.ts';
import { requirePrincipal } from '#functions/api/middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { decideDesign } from '#shared/domain/designs/decide-design.ts';
import { getApprovalReceipt } from '#shared/domain/designs/get-approval-receipt.ts';
import { postDesign } from '#shared/domain/designs/post-design.ts';
import { commentOnDesign, resolveThread } from '#shared/domain/designs/comment-on-design.ts';
import { commentSchema, designSchema, newCommentSchema } from '#shared/schemas/design.ts';

const id = z.string().regex(/^[a-z0-9]{16}$/, 'is not an id');
const tags = ['designs'];

const post = createRoute({
  method: 'post',
  path: '/orders/{orderId}/designs',
  tags,
  summary: 'The shop posts the next proof version from files checked on this order',
  request: { params: z.object({ orderId: id }), body: jsonBody(() => z.object({ fileIds: z.array(id).min(1).max(20), note: z.string().max(2000).optional() })) },
  responses: { 201: jsonResponse('The new version', designSchema), ...errorResponses(400, 401, 403, 404, 409) },
});

const decide = createRoute({
  method: 'post',
  path: '/orders/{orderId}/designs/{designId}/decision',
  tags,
  summary: 'The customer approves (confirming files and personalization) or asks for changes',
  request: {
    params: z.object({ orderId: id, designId: id }),
    body: jsonBody(() =>
      z.object({
        decision: z.enum(['approve', 'request_changes']),
        note: z.string().max(2000).optional(),
        confirm: z.object({ sha256s: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(20), personalization: z.string().max(1000) }).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse('Decided', designSchema), ...errorResponses(400, 401, 403, 404, 409) },
});

const receipt = createRoute({
  method: 'get',
  path: '/orders/{orderId}/designs/{designId}/approval-receipt',
  tags,
  summary: 'A printable record of an approval (version, file SHA-256s, time, IP, user agent)',
  request: { params: z.object({ orderId: id, designId: id }) },
  responses: { 200: { description: 'The receipt', content: { 'text/html': { schema: z.string() } } }, ...errorResponses(401, 404) },
});

const comment = createRoute({
  method: 'post',
  path: '/orders/{orderId}/designs/{designId}/comments',
  tags,
  summary: 'Comment on a proof: a new thread (optionally pinned at x, y as fractions, page for PDFs) or a reply',
  request: { params: z.object({ orderId: id, designId: id }), body: jsonBody(newCommentSchema) },
  responses: { 201: jsonResponse('Added', commentSchema), ...errorResponses(400, 401, 404) },
});

const resolve = createRoute({
  method: 'patch',
  path: '/orders/{orderId}/designs/{designId}/comments/{commentId}',
  tags,
  summary: 'Resolve or reopen a comment thread',
  request: { params: z.object({ orderId: id, designId: id, commentId: id }), body: jsonBody(() => z.object({ resolved: z.boolean() })) },
  responses: { 200: jsonResponse('Updated', commentSchema), ...errorResponses(400, 401, 404, 409) },
});

export const designRoutes = createRouter()
  .openapi(post, async (c) => {
    const { fileIds, note } = c.req.valid('json');
    return c.json(await postDesign(c.var.deps, requirePrincipal(c), { orderId: c.req.valid('param').orderId, fileIds, note }), 201);
  })
  .openapi(decide, async (c) => {
    const design = await decideDesign(c.var.deps, requirePrincipal(c), {
      ...c.req.valid('param'),
      ...c.req.valid('json'),
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? 'unknown',
    });
    return c.json(design, 200);
  })
  .openapi(comment, async (c) => {
    const created = await commentOnDesign(c.var.deps, requirePrincipal(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(created, 201);
  })
  .openapi(resolve, async (c) => {
    const updated = await resolveThread(c.var.deps, requirePrincipal(c), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.json(updated, 200);
  })
  .openapi(receipt, async (c) => {
    const data = await getApprovalReceipt(c.var.deps, requirePrincipal(c), c.req.valid('param'));
    const { renderApprovalReceipt } = await import('#functions/api/approval-receipt-page.tsx');
    return c.html(renderApprovalReceipt(data), 200);
  });
