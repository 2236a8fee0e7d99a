import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '#infra/local/free-port.ts';
import { startAtelierServer, type AtelierServer } from '#infra/local/server.ts';

const otherAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i && !i.internal && i.family === 'IPv4')
  .map((i) => i!.address);

let server: AtelierServer;
let port: number;
let portalDir: string;
beforeAll(async () => {
  portalDir = mkdtempSync(join(tmpdir(), 'atelier-no-portal-'));
  port = await freePort();
  server = await startAtelierServer({
    services: { dynamodbEndpoint: inject('dynamodbEndpoint'), s3Endpoint: inject('s3Endpoint') },
    port,
    tableName: `local-${randomUUID()}`,
    bucket: inject('s3Bucket'),
    portalDir,
    seed: false,
    logLevel: 'SILENT',
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(portalDir, { recursive: true, force: true });
});

describe('npm start’s server', () => {
  it('answers on this machine', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  // The dev mailbox holds live sign-in links: nobody else on the network may read it.
  it.skipIf(otherAddresses.length === 0)('is not reachable from the network', async () => {
    for (const address of otherAddresses) {
      await expect(fetch(`http://${address}:${port}/api/dev/mailbox`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    }
  });
});
