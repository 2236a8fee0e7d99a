/**
 * Bundles a Lambda entry exactly as it is deployed: ESM for Node 20 (runs on the Node 22
 * runtime too), minified, every dependency inside (the AWS SDK version is ours, not the
 * runtime's). The CDK stack and `npm run bench` both call this, so what is measured is what ships.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

export async function bundleFunction(entry: string, outdir: string): Promise<{ file: string; bytes: number }> {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile: file,
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
    plugins: [englishOnlyZod],
  });
  return { file, bytes: result.metafile.outputs[Object.keys(result.metafile.outputs).find((o) => o.endsWith('.mjs'))!]!.bytes };
}

// `node --import tsx functions/bundle.ts <entry> <outdir>`: how CDK's synchronous local bundling calls it.
if (process.argv[1]?.endsWith('bundle.ts') && process.argv.length === 4) {
  const [entry, outdir] = process.argv.slice(2) as [string, string];
  const { bytes } = await bundleFunction(entry, outdir);
  console.log(`bundled ${entry}: ${(bytes / 1024).toFixed(0)} KB`);
}
