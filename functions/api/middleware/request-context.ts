import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { ApiDeps, ApiEnv } from '#functions/api/env.ts';
import { withRequestCount } from '#shared/db/request-count.ts';

/**
 * Outermost middleware: gives the request its id and dependencies, counts its DynamoDB
 * requests (reported in `Server-Timing` in local mode) and logs one structured line for it.
 */
export const requestContext = (deps: ApiDeps) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const requestId = c.env?.event?.requestContext?.requestId ?? randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    const started = performance.now();
    const { tally, result } = withRequestCount(() => next());
    await result;
    c.header('X-Request-Id', requestId);
    if (deps.config.mode === 'local') {
      c.header('Server-Timing', `ddb;desc="${tally.requests}";dur=${tally.ms.toFixed(1)}`, { append: true });
    }
    // The path only: query strings and bodies may carry tokens.
    deps.logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ddbRequests: tally.requests,
    });
  });
