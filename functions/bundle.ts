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
 * Zod re-exports every locale of its error messages (~260 KB minified); Atelier writes its own
 * messages and uses only the English default, so the locale index is replaced by English alone.
 */
const englishOnlyZod: esbuild.Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: process.cwd(),
      loader: 'js',
    }));
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

export type FunctionBundle = {
  /** The handler's module, `index.mjs` in `outdir`. */
  file: string;
  /** What a cold start reads and compiles: the entry and every chunk it imports statically. */
  coldBytes: number;
  /** Everything emitted, including chunks loaded only on first use (and maybe never in Lambda). */
  totalBytes: number;
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
  const result = await esbuild.build({
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Dynamic imports become chunks a cold start does not load: the SDK's SSO/INI/STS credential
    // providers (Lambda has its credentials in the environment), SES until the first email.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
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
    plugins: [englishOnlyZod, mapForEndpointCache],
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
  const byPath = new Map(outputs);
  const entryPath = outputs.find(([path]) => path.endsWith('/index.mjs'))![0];
  const cold = new Set<string>();
  const visit = (path: string) => {
    if (cold.has(path) || !byPath.has(path)) return;
    cold.add(path);
    for (const imported of byPath.get(path)!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryPath);
  const sum = (paths: Iterable<string>) => [...paths].reduce((bytes, path) => bytes + byPath.get(path)!.bytes, 0);
  return { file: join(outdir, 'index.mjs'), coldBytes: sum(cold), totalBytes: sum(byPath.keys()) };
}

// `node --import tsx functions/bundle.ts <entry> <outdir> [native,packages]`: how CDK's synchronous local bundling calls it.
if (process.argv[1]?.endsWith('bundle.ts') && process.argv.length >= 4) {
  const [entry, outdir, native] = process.argv.slice(2) as [string, string, string | undefined];
  const { coldBytes, totalBytes } = await bundleFunction(entry, outdir, { native: native?.split(',').filter(Boolean) });
  console.log(`bundled ${entry}: ${(coldBytes / 1024).toFixed(0)} KB loaded at cold start, ${(totalBytes / 1024).toFixed(0)} KB in all`);
}
