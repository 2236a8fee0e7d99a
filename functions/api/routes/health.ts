import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { createRouter, jsonResponse } from '#functions/api/openapi-helpers.ts';
import { checkHealth } from '#shared/domain/health/check-health.ts';
import { lazySchema } from '#shared/schemas/lazy-schema.ts';

const healthSchema = lazySchema(() =>
  z.object({
    ok: z.boolean(),
    checks: z.object({ dynamodb: z.enum(['ok', 'unavailable']), s3: z.enum(['ok', 'unavailable']) }),
  }),
);

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Whether Atelier can reach its table and its bucket',
  responses: {
    200: jsonResponse('Healthy', healthSchema),
    503: jsonResponse('A dependency is down', healthSchema),
  },
});

export const healthRoutes = createRouter().openapi(route, async (c) => {
  const report = await checkHealth(c.var.deps);
  return report.ok ? c.json(report, 200) : c.json(report, 503);
});
