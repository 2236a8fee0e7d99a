import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
const variant = process.argv[2]!;
const englishOnlyZod: esbuild.Plugin = { name: 'z', setup(build) {
  build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => args.importer.includes('node_modules/zod/') ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined);
  build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: 'export { default as en } from "zod/v4/locales/en.js";', resolveDir: process.cwd(), loader: 'js' }));
  if (variant.includes('nologger')) {
    build.onResolve({ filter: /^@aws-lambda-powertools\/logger$/ }, () => ({ path: 'l', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export class Logger { constructor(o){this.o=o} info(){} warn(){} error(){} debug(){} appendKeys(){} resetKeys(){} addContext(){} }', loader: 'js' }));
  }
  if (variant.includes('nojsonschema')) {
    build.onResolve({ filter: /from-json-schema\.js$/ }, (a) => a.importer.includes('node_modules/zod/') ? { path: 'f', namespace: 'stub2' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'stub2' }, () => ({ contents: 'export function fromJSONSchema(){throw new Error("x")}', loader: 'js' }));
  }
}};
const r = await esbuild.build({ entryPoints: { index: 'functions/api/index.ts' }, outdir: `/tmp/cold/v-${variant}`, outExtension: { '.js': '.mjs' }, splitting: true, chunkNames: 'chunks/[name]-[hash]', bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, mainFields: ['module','main'], legalComments: 'none', logLevel: 'silent', metafile: true, banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" }, plugins: [englishOnlyZod] });
const outs = r.metafile.outputs; const entry = Object.keys(outs).find(p => p.endsWith('/index.mjs'))!;
const cold = new Set<string>(); const visit = (p: string) => { if (cold.has(p) || !outs[p]) return; cold.add(p); for (const i of outs[p]!.imports) if (i.kind === 'import-statement') visit(i.path); }; visit(entry);
console.log(variant, ([...cold].reduce((a, p) => a + outs[p]!.bytes, 0) / 1024).toFixed(0), 'KB cold');
