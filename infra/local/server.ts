import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { createApp } from '#functions/api/app.ts';
import { createLocalApiDeps } from '#infra/local/local-api-deps.ts';
import type { ApiEnv } from '#functions/api/env.ts';
import { onNotFound } from '#functions/api/middleware/errors.ts';
import { isTableEmpty, seedDemo } from '#infra/local/demo-seed.ts';
import { ensureTable } from '#infra/local/table.ts';
import { parseConfig, type Config } from '#shared/config.ts';
import { DevMailbox } from '#shared/mail/dev-mailbox.ts';
import { portalContentSecurityPolicy } from '#shared/security/portal-csp.ts';

export type LocalServices = { dynamodbEndpoint: string; s3Endpoint: string };

export type AtelierServer = {
  url: string;
  config: Config;
  mailbox: DevMailbox;
  seeded: boolean;
  stop(): Promise<void>;
};

/**
 * Serves the API and the built portal from one Node process, against already running local
 * services: what `npm start` runs, and what the browser tests start.
 */
export async function startAtelierServer(options: {
  services: LocalServices;
  port: number;
  tableName: string;
  bucket: string;
  portalDir: string;
  seed: boolean;
  logLevel?: Config['logLevel'];
  /** Defaults to http://localhost:<port>. */
  publicUrl?: string;
}): Promise<AtelierServer> {
  const publicUrl = options.publicUrl ?? `http://localhost:${options.port}`;
  const config = parseConfig({
    ATELIER_MODE: 'local',
    TABLE_NAME: options.tableName,
    UPLOADS_BUCKET: options.bucket,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: options.services.dynamodbEndpoint,
    S3_ENDPOINT: options.services.s3Endpoint,
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: options.logLevel ?? 'WARN',
  });
  const raw = new DynamoDBClient({ endpoint: config.dynamodbEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, config.tableName);
  raw.destroy();

  const deps = createLocalApiDeps(config);
  const mailbox = deps.devMailbox;
  let seeded = false;
  if (options.seed && (await isTableEmpty(deps.db))) {
    await seedDemo(deps);
    seeded = true;
  }

  const root = new Hono<ApiEnv>();
  root.route('/', createApp(deps));
  root.all('/api/*', onNotFound);
  root.use('*', portalHeaders(config));
  root.use('/assets/*', serveStatic({ root: relativeRoot(options.portalDir) }));
  root.get('*', (c) => {
    const index = join(options.portalDir, 'index.html');
    if (!existsSync(index)) return c.text('The portal is not built. Run `npm run build`.', 503);
    return c.html(readFileSync(index, 'utf8'));
  });

  const server = await new Promise<Server>((done, fail) => {
    // Loopback only: the dev mailbox holds live sign-in links, and the local S3 is loopback-only too.
    const s = serve({ fetch: root.fetch, port: options.port, hostname: '127.0.0.1' }, () => done(s as Server));
    (s as Server).once('error', fail);
  });
  // Idle sockets outlive the clients' own keep-alive (as behind a load balancer), so a client
  // never reuses a socket the server is just closing.
  server.keepAliveTimeout = 65_000;
  return {
    url: publicUrl,
    config,
    mailbox,
    seeded,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

/** serveStatic resolves its root against the working directory. */
function relativeRoot(dir: string): string {
  const absolute = resolve(dir);
  const relative = absolute.startsWith(process.cwd()) ? absolute.slice(process.cwd().length + 1) : absolute;
  return relative || '.';
}

/** The portal's own headers, as CloudFront's response headers policy sets them in AWS. */
function portalHeaders(config: Config) {
  const csp = portalContentSecurityPolicy(config.s3Endpoint ?? '');
  return async (c: import('hono').Context<ApiEnv>, next: () => Promise<void>) => {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}
