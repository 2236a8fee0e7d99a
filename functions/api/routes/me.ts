import { createRoute } from '@hono/zod-openapi';
import { requirePrincipal } from '#functions/api/middleware/session.ts';
import { createRouter, errorResponses, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { describePrincipal } from '#shared/domain/auth/describe-principal.ts';
import { meSchema } from '#shared/schemas/auth.ts';

const route = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Who is signed in',
  responses: { 200: jsonResponse('The signed-in seller or customer', meSchema), ...errorResponses(401) },
});

export const meRoutes = createRouter().openapi(route, async (c) => {
  const me = await describePrincipal(c.var.deps, requirePrincipal(c));
  return c.json(me, 200);
});
