import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { freePort } from '#infra/local/free-port.ts';
import { startAtelierServer, type AtelierServer } from '#infra/local/server.ts';
import { buildPortal } from '#web/build.ts';

/**
 * The whole product as `npm start` runs it (API, built portal, demo data), on a port and a
 * table of its own, against the run's shared DynamoDB Local and s3rver: for browser journeys.
 */
export async function startTestServer(): Promise<AtelierServer & { url: string }> {
  const portalDir = mkdtempSync(join(tmpdir(), 'atelier-portal-'));
  await buildPortal({ outdir: portalDir, minify: true });
  const server = await startAtelierServer({
    services: { dynamodbEndpoint: inject('dynamodbEndpoint'), s3Endpoint: inject('s3Endpoint') },
    port: await freePort(),
    tableName: `e2e-${randomUUID()}`,
    bucket: inject('s3Bucket'),
    portalDir,
    seed: true,
    logLevel: 'SILENT',
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(portalDir, { recursive: true, force: true });
    },
  };
}
