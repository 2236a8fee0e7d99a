/**
 * Builds the portal: esbuild bundles web/src/main.tsx (code-split, content-hashed names) and
 * writes an index.html that loads only hashed files, so it works under a strict CSP
 * (no inline script or style) and can be cached forever except for index.html itself.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));

export async function buildPortal(options: { outdir?: string; minify?: boolean } = {}): Promise<{ outdir: string; files: string[] }> {
  const outdir = resolve(options.outdir ?? join(webDir, 'dist'));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  // pdf.js renders in a worker of its own: shipped as it is published, under a content hash.
  const worker = readFileSync(join(webDir, '..', 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.min.mjs'));
  const workerName = `pdf.worker-${createHash('sha256').update(worker).digest('hex').slice(0, 10)}.mjs`;
  writeFileSync(join(outdir, 'assets', workerName), worker);
  const result = await esbuild.build({
    entryPoints: [join(webDir, 'src', 'main.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: options.minify ?? true,
    sourcemap: false,
    outdir: join(outdir, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', PDF_WORKER_URL: JSON.stringify(`/assets/${workerName}`) },
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint?.endsWith('main.tsx'));
  if (!entry) throw new Error('esbuild produced no entry for main.tsx');
  const [entryPath, entryMeta] = entry;
  const href = (path: string) => `/${relative(outdir, resolve(path)).split('\\').join('/')}`;
  const cssPath = entryMeta.cssBundle;
  // Chunks the entry imports statically load at once: preload them instead of discovering them late.
  const preloads = entryMeta.imports.filter((i) => i.kind === 'import-statement' && i.path.endsWith('.js')).map((i) => href(i.path));

  copyFileSync(join(webDir, 'src', 'favicon.svg'), join(outdir, 'assets', 'favicon.svg'));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#8a4b2a">
<meta name="description" content="Atelier: the custom-order desk for Etsy makers.">
<title>Atelier</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${cssPath ? `<link rel="stylesheet" href="${href(cssPath)}">\n` : ''}${preloads.map((p) => `<link rel="modulepreload" href="${p}">\n`).join('')}<script type="module" src="${href(entryPath)}"></script>
</head>
<body>
<div id="app"></div>
<noscript>Atelier needs JavaScript to run.</noscript>
</body>
</html>
`;
  writeFileSync(join(outdir, 'index.html'), html);
  return { outdir, files: [...outputs.map(([path]) => resolve(path)), join(outdir, 'assets', workerName), join(outdir, 'index.html')] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outdir, files } = await buildPortal();
  console.log(`Portal built into ${outdir} (${files.length} files)`);
}
