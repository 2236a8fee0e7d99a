import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction, type FunctionBundle } from '#functions/bundle.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let api: FunctionBundle;
let files: FunctionBundle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atelier-cold-start-'));
  [api, files] = await Promise.all([
    bundleFunction(join(repoRoot, 'functions/api/index.ts'), join(dir, 'api')),
    bundleFunction(join(repoRoot, 'functions/files/index.ts'), join(dir, 'files'), { native: ['sharp'] }),
  ]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The source files of a bundle's cold start whose path matches. */
const coldInputsMatching = (bundle: FunctionBundle, pattern: RegExp) => bundle.coldInputs.filter((input) => pattern.test(input));

/** What a fresh process loads to import the bundle, as a Lambda does in AWS: Node's built-in modules and CommonJS files. */
function loadedByImport(file: string): { builtins: string[]; files: string[]; functionsFromStrings: number } {
  const script = `import { createRequire } from 'node:module';
let functionsFromStrings = 0;
globalThis.Function = new Proxy(Function, { construct: (target, args) => (functionsFromStrings++, new target(...args)), apply: (target, self, args) => (functionsFromStrings++, target(...args)) });
const before = new Set(process.moduleLoadList);
await import(${JSON.stringify(file)});
const builtins = process.moduleLoadList.filter((name) => !before.has(name));
console.log(JSON.stringify({ builtins, files: Object.keys(createRequire(import.meta.url).cache), functionsFromStrings }));`;
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
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as ReturnType<typeof loadedByImport>;
}

describe("the api Lambda's cold start", () => {
  let apiImport: ReturnType<typeof loadedByImport> | undefined;
  const importApi = () => (apiImport ??= loadedByImport(api.file));

  it('holds no code of the S3, SES or SNS clients, nor the credential providers Lambda never uses', () => {
    expect(coldInputsMatching(api, /node_modules\/@aws-sdk\/client-dynamodb\//).length).toBeGreaterThan(0);
    expect(coldInputsMatching(api, /node_modules\/@aws-sdk\/(client-(s3|sesv2|sns)|xml-builder|s3-presigned-post|s3-request-presigner|credential-provider-(sso|ini|process|web-identity|http))\//)).toEqual([]);
    expect(coldInputsMatching(api, /\/util-stream\/checksum\//)).toEqual([]);
  });

  it("holds the parts of zod that Atelier uses, not its whole namespace", () => {
    const zod = coldInputsMatching(api, /node_modules\/zod\//);
    expect(zod.filter((input) => input.endsWith('zod/v4/core/schemas.js'))).toHaveLength(1);
    // Each is kept only by a namespace used as a value: other locales, z.iso, z.compile, z.fromJSONSchema.
    expect(zod.filter((input) => /\/locales\/(?!en\.js$)|\/(iso|compile|from-json-schema)\.js$/.test(input))).toEqual([]);
  });

  it("loads neither web streams nor net's BlockList, which nothing on the cold path uses", () => {
    const { builtins } = importApi();
    expect(builtins).toContain('NativeModule _http_client');
    expect(builtins.filter((name) => /webstreams|blocklist|socketaddress/.test(name))).toEqual([]);
  });

  it('parses its configuration without compiling a parser from strings (zod is jitless)', () => {
    expect(importApi().functionsFromStrings).toBe(0);
  });
});

describe("the files Lambda's cold start", () => {
  it('leaves the S3 client to the first file it renders, as it does sharp', () => {
    expect(coldInputsMatching(files, /node_modules\/@aws-sdk\/client-dynamodb\//).length).toBeGreaterThan(0);
    expect(coldInputsMatching(files, /node_modules\/@aws-sdk\/(client-s3|s3-presigned-post|s3-request-presigner)\//)).toEqual([]);
  });

  it('leaves sharp to the first file it renders', () => {
    const loaded = loadedByImport(files.file);
    expect(loaded.builtins).toContain('NativeModule _http_client');
    expect(loaded.files.filter((file) => /node_modules\/(sharp|@img)\//.test(file))).toEqual([]);
    // The control: the same check sees sharp when it is imported, from beside the handler.
    const importsSharp = join(dirname(files.file), 'imports-sharp.mjs');
    writeFileSync(importsSharp, "import 'sharp';\n");
    const withSharp = loadedByImport(importsSharp);
    expect(withSharp.files.filter((file) => /node_modules\/sharp\//.test(file)).length).toBeGreaterThan(0);
  });
});
