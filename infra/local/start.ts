/**
 * `npm start`: Atelier on http://localhost:${PORT:-3000} with no AWS account. DynamoDB Local
 * (Java) and s3rver keep their data in `.data/`; the demo shop is seeded into an empty table.
 */
import { resolve } from 'node:path';
import { buildPortal } from '#web/build.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '#infra/local/dynamodb-local.ts';
import { assertPortFree } from '#infra/local/free-port.ts';
import { startS3Local, type S3Local } from '#infra/local/s3-local.ts';
import { startAtelierServer, type AtelierServer } from '#infra/local/server.ts';
import { demo } from '#infra/local/demo-seed.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.ATELIER_DATA_DIR ?? '.data');
const tableName = 'atelier';
const bucket = 'atelier-uploads';

let dynamo: DynamoDbLocal | undefined;
let s3: S3Local | undefined;
let server: AtelierServer | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await server?.stop().catch(() => undefined);
    await s3?.stop().catch(() => undefined);
    await dynamo?.stop().catch(() => undefined);
  }
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main() {
  try {
    await assertPortFree(port);
  } catch {
    console.error(`Port ${port} is already in use: stop what runs there, or start with PORT=<another port> npm start.`);
    process.exit(1);
  }
  const publicUrl = `http://localhost:${port}`;
  console.log('Atelier: building the portal, starting DynamoDB Local and the local S3…');
  const [portal, dynamoLocal, s3Local] = await Promise.all([
    buildPortal(),
    startDynamoDbLocal({ dbPath: resolve(dataDir, 'dynamodb') }),
    startS3Local({ directory: resolve(dataDir, 's3'), buckets: [bucket], corsOrigins: [publicUrl] }),
  ]);
  dynamo = dynamoLocal;
  s3 = s3Local;
  server = await startAtelierServer({
    services: { dynamodbEndpoint: dynamoLocal.endpoint, s3Endpoint: s3Local.endpoint },
    port,
    tableName,
    bucket,
    portalDir: portal.outdir,
    seed: true,
    logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'WARN',
  });
  console.log(
    [
      '',
      `Atelier is running at ${publicUrl}${server.seeded ? ' (demo data seeded)' : ''}`,
      '',
      `  Sign in as the demo seller: open ${publicUrl}/sign-in, enter ${demo.seller.email},`,
      `  then open the dev mailbox at ${publicUrl}/dev/mailbox and click the sign-in link.`,
      `  Demo customers: ${demo.customers.map((c) => c.email).join(', ')}.`,
      `  API reference: ${publicUrl}/api/docs · data in ${dataDir} · Ctrl-C stops everything.`,
      '',
    ].join('\n'),
  );
}

main().catch(async (error) => {
  console.error(`Atelier could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
