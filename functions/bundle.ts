/**
 * Bundles a Lambda entry exactly as it is deployed: ESM for Node 20 (runs on the Node 22
 * runtime too), minified, every dependency inside (the AWS SDK version is ours, not the
 * runtime's). The CDK stack and `npm run bench` both call this, so what is measured is what ships.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * @hono/zod-openapi passes zod's whole namespace to `extendZodWithOpenApi`, which reads only
 * `ZodType` from it, and re-exports it as `z`. A namespace used as a value keeps every export of
 * zod in the bundle, and evaluating them took a third of a cold import. Atelier imports zod
 * itself (`import * as z from '#shared/zod.ts'`, which esbuild shakes), so in Lambda bundles
 * the library gets `ZodType` alone and no longer exports `z`: an import of it fails the build.
 */
const zodOpenApiWithoutNamespace: esbuild.Plugin = {
  name: 'zod-openapi-without-namespace',
  setup(build) {
    const edits: Array<[string, string]> = [
      ['import { z } from "zod";', 'import { ZodType } from "zod";\nconst z = { ZodType };'],
      ['extendZodWithOpenApi, z };', 'extendZodWithOpenApi };'],
    ];
    build.onLoad({ filter: /[\\/]@hono[\\/]zod-openapi[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to] of edits) {
        if (!contents.includes(from)) return { errors: [{ text: `@hono/zod-openapi changed: "${from}" is gone; review zodOpenApiWithoutNamespace in functions/bundle.ts` }] };
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The DynamoDB client builds an endpoint-discovery cache even though DynamoDB does not use
 * endpoint discovery unless asked (we never ask). Its LRU comes from mnemonist (~7 KB with
 * obliterator, loaded at every cold start); a Map with the same methods does for a cache that
 * stays empty. The SDK's tests of this cache are not ours to redo: the api's own integration
 * tests run the real bundle against DynamoDB Local.
 */
const mapForEndpointCache: esbuild.Plugin = {
  name: 'endpoint-cache-map',
  setup(build) {
    build.onResolve({ filter: /^mnemonist\/lru-cache$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/@aws-sdk/endpoint-cache/`) ? { path: 'lru-cache', namespace: 'endpoint-cache-map' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'endpoint-cache-map' }, () => ({
      contents: `export default class LRUCache {
  constructor(capacity) { this.capacity = capacity; this.map = new Map(); }
  has(key) { return this.map.has(key); }
  peek(key) { return this.map.get(key); }
  get(key) { if (!this.map.has(key)) return undefined; const value = this.map.get(key); this.map.delete(key); this.map.set(key, value); return value; }
  set(key, value) { this.map.delete(key); this.map.set(key, value); if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value); return this; }
  clear() { this.map.clear(); }
}`,
      loader: 'js',
    }));
  },
};

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Dynamic imports of AWS SDK code that a cold start never needs: the S3 file store, the SES and
 * SNS clients, and the credential providers Lambda never uses (its credentials are in the
 * environment). Bundled with the rest, their code shares modules with the DynamoDB client (the
 * SDK's barrels), and esbuild puts every such shared module in a chunk that the entry imports:
 * S3's XML and checksum code was loaded (and web streams with it) by every cold start. Each is
 * bundled apart instead, with its own copy of the SDK core, and loaded by file name.
 */
const bundledApart = [/^#shared\/aws\/file-store\.ts$/, /^@aws-sdk\/client-(sesv2|sns)$/, /^@aws-sdk\/credential-provider-[a-z-]+$/, /^@smithy\/credential-provider-imds$/];

/** The name of the file a dynamic import is bundled apart to: `apart-file-store`, `apart-aws-sdk-client-sns`. */
function apartName(specifier: string): string {
  return `apart-${specifier.replace(/^#shared\/aws\//, '').replace(/\.ts$/, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
}

/** Marks the dynamic imports of `bundledApart` external, under the file name they are bundled to. */
function bundleApart(found: Map<string, string>): esbuild.Plugin {
  return {
    name: 'bundle-apart',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || !bundledApart.some((pattern) => pattern.test(args.path))) return undefined;
        const resolved = await build.resolve(args.path, { kind: 'entry-point', resolveDir: args.resolveDir, importer: args.importer });
        if (resolved.errors.length) return { errors: resolved.errors };
        const name = apartName(args.path);
        found.set(name, resolved.path);
        return { path: `./${name}.mjs`, external: true };
      });
    },
  };
}

export type FunctionBundle = {
  /** The handler's module, `index.mjs` in `outdir`. */
  file: string;
  /** What a cold start reads and compiles: the entry and every chunk it imports statically. */
  coldBytes: number;
  /** Everything emitted, including chunks loaded only on first use (and maybe never in Lambda). */
  totalBytes: number;
  /** The source files whose code a cold start loads (paths as esbuild reports them). */
  coldInputs: string[];
};

/**
 * Packages with native binaries (sharp) cannot be bundled: they stay external and are copied,
 * with the packages they depend on, into the function's own node_modules. The copies are this
 * machine's platform build (linux-x64), so such a function runs on x86_64.
 */
function copyNativePackages(names: string[], outdir: string): void {
  const seen = new Set<string>();
  const copy = (name: string) => {
    const from = join(repoRoot, 'node_modules', name);
    if (seen.has(name) || !existsSync(from)) return;
    seen.add(name);
    cpSync(from, join(outdir, 'node_modules', name), { recursive: true, dereference: true });
    const manifest = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    // Optional dependencies are the per-platform binaries; only this platform's are installed.
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) copy(dependency);
  };
  names.forEach(copy);
}

/** DejaVu's regular and bold faces, sans, serif and mono: what SVG text falls back to. */
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSansMono.ttf'];

/**
 * sharp draws an SVG's text with the fonts fontconfig finds, and Lambda's runtime has none: the
 * fonts and their fontconfig file go beside a bundle that carries sharp (FONTCONFIG_FILE).
 */
function copyFonts(outdir: string): void {
  const from = join(repoRoot, 'node_modules', 'dejavu-fonts-ttf');
  mkdirSync(join(outdir, 'fonts'), { recursive: true });
  for (const file of fontFiles) cpSync(join(from, 'ttf', file), join(outdir, 'fonts', file));
  cpSync(join(from, 'LICENSE'), join(outdir, 'fonts', 'LICENSE'));
  cpSync(join(repoRoot, 'functions', 'files', 'fonts.conf'), join(outdir, 'fonts.conf'));
}

export async function bundleFunction(entry: string, outdir: string, options: { native?: string[] } = {}): Promise<FunctionBundle> {
  mkdirSync(outdir, { recursive: true });
  const native = options.native ?? [];
  copyNativePackages(native, outdir);
  if (native.includes('sharp')) copyFonts(outdir);
  const apart = new Map<string, string>();
  const result = await build({ index: entry }, outdir, native, [bundleApart(apart)], '[name]-[hash]');
  const apartResult = apart.size ? await build(Object.fromEntries(apart), outdir, native, [], 'apart-chunk-[hash]') : undefined;
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
  const apartOutputs = Object.entries(apartResult?.metafile.outputs ?? {}).filter(([path]) => path.endsWith('.mjs'));
  const byPath = new Map(outputs);
  const entryPath = outputs.find(([path]) => path.endsWith('/index.mjs'))![0];
  const cold = new Set<string>();
  const visit = (path: string) => {
    if (cold.has(path) || !byPath.has(path)) return;
    cold.add(path);
    for (const imported of byPath.get(path)!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryPath);
  const sum = (files: Array<{ bytes: number }>) => files.reduce((bytes, file) => bytes + file.bytes, 0);
  return {
    file: join(outdir, 'index.mjs'),
    coldBytes: sum([...cold].map((path) => byPath.get(path)!)),
    totalBytes: sum([...outputs, ...apartOutputs].map(([, output]) => output)),
    coldInputs: [...cold].flatMap((path) => Object.keys(byPath.get(path)!.inputs)),
  };
}

function build(entryPoints: Record<string, string>, outdir: string, native: string[], plugins: esbuild.Plugin[], chunkNames: string) {
  return esbuild.build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    // Dynamic imports become chunks a cold start does not load (mail templates, the use cases of
    // uploads); those of AWS SDK code are bundled apart (see `bundledApart`).
    splitting: true,
    // One flat directory, so that an import of a file bundled apart means the same from any chunk.
    chunkNames,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    external: native,
    plugins: [zodOpenApiWithoutNamespace, mapForEndpointCache, ...plugins],
  });
}

// `node --import tsx functions/bundle.ts <entry> <outdir> [native,packages]`: how CDK's synchronous local bundling calls it.
if (process.argv[1]?.endsWith('bundle.ts') && process.argv.length >= 4) {
  const [entry, outdir, native] = process.argv.slice(2) as [string, string, string | undefined];
  const { coldBytes, totalBytes } = await bundleFunction(entry, outdir, { native: native?.split(',').filter(Boolean) });
  console.log(`bundled ${entry}: ${(coldBytes / 1024).toFixed(0)} KB loaded at cold start, ${(totalBytes / 1024).toFixed(0)} KB in all`);
}
