import { createRoute } from '@hono/zod-openapi';
import * as z from '#shared/zod.ts';
import { createRouter } from '#functions/api/openapi-helpers.ts';
import { checkHealth } from '#shared/domain/health/check-health.ts';

const healthSchema = z.object({
  ok: z.boolean(),
  checks: z.object({ dynamodb: z.enum(['ok', 'unavailable']), s3: z.enum(['ok', 'unavailable']) }),
});

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Whether Atelier can reach its table and its bucket',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'A dependency is down', content: { 'application/json': { schema: healthSchema } } },
  },
});

export const healthRoutes = createRouter().openapi(route, async (c) => {
  const report = await checkHealth(c.var.deps);
  return report.ok ? c.json(report, 200) : c.json(report, 503);
});
