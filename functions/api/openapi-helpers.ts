import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '#functions/api/env.ts';
import { AppError } from '#shared/errors.ts';
import { errorSchema } from '#shared/schemas/common.ts';
import * as z from '#shared/zod.ts';

const errorDescriptions: Record<number, string> = {
  400: 'The request is malformed or fails validation',
  401: 'Not signed in, or the token is invalid',
  403: 'Rejected (e.g. a cross-origin write)',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'Too large',
  422: 'Understood but refused',
  429: 'Too many requests; see Retry-After',
  503: 'A dependency is unavailable',
};

/** Documents the error shape for the given statuses of one route. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, jsonResponse(errorDescriptions[status] ?? 'Error', errorSchema)]));
}

/** A sub-app whose zod validation failures become one clear `validation_failed` error. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      throw new AppError('validation_failed', message || 'The request is not valid.', { details: issues });
    },
  });
}

/** A required JSON request body, whose schema is built by the first request that sends one (see `lazySchema`). */
export const jsonBody = <T extends z.ZodType>(schema: () => T) => ({ content: { 'application/json': { schema: z.lazy(schema) } }, required: true });

/**
 * A JSON response, described by a schema built when the OpenAPI document is, not when the route
 * is declared (see `lazySchema`).
 */
export const jsonResponse = <T>(description: string, schema: () => T) => ({
  description,
  content: {
    'application/json': {
      get schema(): T {
        return schema();
      },
    },
  },
});
