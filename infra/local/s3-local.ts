import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { freePort } from '#infra/local/free-port.ts';

export type S3Local = { endpoint: string; stop(): Promise<void> };

/** CORS as the AWS bucket has it: the portal posts uploads and reads files cross-origin. */
const corsXml = (origins: string[]) => `<CORSConfiguration>
  <CORSRule>
    ${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}
    <AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** s3rver in process: the local S3. It does not check signatures; the API's own checks must hold. */
export async function startS3Local(options: { directory?: string; port?: number; buckets: string[]; corsOrigins: string[] }): Promise<S3Local> {
  const port = options.port ?? (await freePort());
  const directory = options.directory ? resolve(options.directory) : mkdtempSync(join(tmpdir(), 'atelier-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [corsXml(options.corsOrigins)] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
