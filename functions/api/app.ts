import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiDeps, ApiEnv } from '#functions/api/env.ts';
import { csrfGuard } from '#functions/api/middleware/csrf-guard.ts';
import { onError, onNotFound } from '#functions/api/middleware/errors.ts';
import { originGuard } from '#functions/api/middleware/origin-guard.ts';
import { requestContext } from '#functions/api/middleware/request-context.ts';
import { loadSession } from '#functions/api/middleware/session.ts';
import { authRoutes } from '#functions/api/routes/auth.ts';
import { designRoutes } from '#functions/api/routes/designs.ts';
import { devMailboxRoutes } from '#functions/api/routes/dev-mailbox.ts';
import { fileRoutes } from '#functions/api/routes/files.ts';
import { healthRoutes } from '#functions/api/routes/health.ts';
import { meRoutes } from '#functions/api/routes/me.ts';
import { orderRoutes } from '#functions/api/routes/orders.ts';
import { publicIntakeRoutes } from '#functions/api/routes/public-intake.ts';
import { shopRoutes } from '#functions/api/routes/shop.ts';
import { ConfigError, type Config } from '#shared/config.ts';

/**
 * The approval receipt's own stylesheet, by its hash: the one inline style the API's pages may
 * apply. A literal, so the receipt's page loads only with its first use; a unit test keeps it
 * equal to the sheet.
 */
export const receiptStyleSource = "'sha256-L27J4XZ/HIk7XG2fcY/YzKtz9M9MUZAcBXZJfYnwMyA='";

function requiredOriginSecret(config: Config): string {
  if (!config.originSecret) throw new ConfigError('Invalid configuration: the api in AWS mode needs ORIGIN_SECRET');
  return config.originSecret;
}

/** The whole HTTP API as one Hono app: the same app under Lambda and under Node locally. */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>();
  app.use('*', requestContext(deps));
  app.use(
    '/api/*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: [receiptStyleSource], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  // What the API answers is someone's own (an order, a session, a shop's settings): no cache keeps
  // it unless a route says otherwise, as the short-lived file links do.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', originGuard(deps.config.mode === 'aws' ? requiredOriginSecret(deps.config) : undefined));
  app.use('/api/*', csrfGuard({ allowedOrigins: [deps.config.publicUrl] }));
  app.use('/api/*', loadSession);

  const api = new OpenAPIHono<ApiEnv>()
    .route('/', healthRoutes)
    .route('/', authRoutes)
    .route('/', meRoutes)
    .route('/', orderRoutes)
    .route('/', publicIntakeRoutes)
    .route('/', shopRoutes)
    .route('/', fileRoutes)
    .route('/', designRoutes);
  if (deps.devMailbox) api.route('/', devMailboxRoutes(deps.devMailbox));

  const documentConfig = {
    openapi: '3.1.0',
    info: { title: 'Atelier API', version: '1.0.0', description: 'The custom-order desk for Etsy makers.' },
    servers: [{ url: '/api' }],
  };
  api.doc31('/openapi.json', documentConfig);
  api.get('/docs', async (c) => {
    const { renderApiReference } = await import('#functions/api/api-reference.tsx');
    return c.html(renderApiReference(api.getOpenAPI31Document(documentConfig)));
  });

  app.route('/api', api);
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

export type AtelierApp = ReturnType<typeof createApp>;
