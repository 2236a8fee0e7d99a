import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction, type FunctionBundle } from '#functions/bundle.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let api: FunctionBundle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-cold-start-'));
  api = await bundleFunction(join(repoRoot, 'functions/api/index.ts'), dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Node built-in modules a fresh process loads to import the bundle, as the api does in AWS. */
function builtinsLoadedByImport(file: string): string[] {
  const script = `const before = new Set(process.moduleLoadList); await import(${JSON.stringify(file)});
console.log(JSON.stringify(process.moduleLoadList.filter((name) => !before.has(name))));`;
  const env = {
    PATH: process.env.PATH,
    ATELIER_MODE: 'aws',
    TABLE_NAME: 'cold-start',
    UPLOADS_BUCKET: 'cold-start',
    PUBLIC_URL: 'https://atelier.example',
    EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:cold-start',
    ORIGIN_SECRET: 'a-cold-start-origin-secret-of-32-characters',
    AWS_REGION: 'eu-west-1',
    LOG_LEVEL: 'SILENT',
    NODE_NO_WARNINGS: '1',
  };
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as string[];
}

describe("the api Lambda's cold start", () => {
  it('holds no code of the S3, SES or SNS clients, nor the credential providers Lambda never uses', () => {
    const sdkPackages = (pattern: RegExp) => api.coldInputs.filter((input) => pattern.test(input));
    expect(sdkPackages(/node_modules\/@aws-sdk\/client-dynamodb\//).length).toBeGreaterThan(0);
    expect(sdkPackages(/node_modules\/@aws-sdk\/(client-(s3|sesv2|sns)|xml-builder|s3-presigned-post|s3-request-presigner|credential-provider-(sso|ini|process|web-identity|http))\//)).toEqual([]);
    expect(sdkPackages(/\/util-stream\/checksum\//)).toEqual([]);
  });

  it("holds neither of zod's unused compile and fromJSONSchema", () => {
    expect(api.coldInputs.filter((input) => /node_modules\/zod\/v4\/core\/schemas\.js$/.test(input))).toHaveLength(1);
    expect(api.coldInputs.filter((input) => /node_modules\/zod\/v4\/(core\/compile|classic\/from-json-schema)\.js$/.test(input))).toEqual([]);
  });

  it("loads neither web streams nor net's BlockList, which nothing on the cold path uses", () => {
    const loaded = builtinsLoadedByImport(api.file);
    expect(loaded).toContain('NativeModule _http_client');
    expect(loaded.filter((name) => /webstreams|blocklist|socketaddress/.test(name))).toEqual([]);
  });
});
