import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { freePort } from '#infra/local/free-port.ts';
import { startS3Local, type S3Local } from '#infra/local/s3-local.ts';
import { startAtelierServer, type AtelierServer } from '#infra/local/server.ts';
import { buildPortal } from '#web/build.ts';

export type BenchEnvironment = {
  dynamo: DynamoDbLocal;
  s3: S3Local;
  server: AtelierServer;
  portalDir: string;
  /** Signs in through the real flow (dev mailbox) and returns the Cookie header. */
  signIn(email: string): Promise<string>;
  stop(): Promise<void>;
};

/** The product as `npm start` runs it, on loopback ports of its own, with the demo seeded. */
export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const portalDir = mkdtempSync(join(tmpdir(), 'atelier-bench-portal-'));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Local({ buckets: ['bench'], corsOrigins: [origin] }), buildPortal({ outdir: portalDir })]);
  const server = await startAtelierServer({ services: { dynamodbEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint }, port, tableName: 'bench', bucket: 'bench', portalDir, seed: true, logLevel: 'SILENT' });
  const headers = { origin, 'content-type': 'application/json' };
  return {
    dynamo,
    s3,
    server,
    portalDir,
    async signIn(email) {
      await fetch(`${origin}/api/auth/magic-links`, { method: 'POST', headers, body: JSON.stringify({ email }) });
      const token = /token=([A-Za-z0-9_-]+)/.exec(server.mailbox.list().find((m) => m.to === email)?.text ?? '')?.[1];
      if (!token) throw new Error(`no sign-in email for ${email}`);
      const res = await fetch(`${origin}/api/auth/sessions`, { method: 'POST', headers, body: JSON.stringify({ token }) });
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    },
    async stop() {
      await server.stop();
      await Promise.all([s3.stop(), dynamo.stop()]);
      rmSync(portalDir, { recursive: true, force: true });
    },
  };
}
