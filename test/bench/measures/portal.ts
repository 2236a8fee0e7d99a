import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from '#test/bench/row.ts';

/** The JavaScript a first visit loads before anything lazy: the entry and what it imports statically. */
export function measurePortal(portalDir: string): Row[] {
  const html = readFileSync(join(portalDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = [...initial];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(portalDir, file), 'utf8');
    // Static imports only: `import{...}from"./chunk-X.js"` (dynamic `import("./x.js")` is lazy).
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  const gzipped = [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(join(portalDir, file))).length, 0);
  const css = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].reduce((sum, m) => sum + gzipSync(readFileSync(join(portalDir, m[1]!))).length, 0);
  return [
    { id: 'portal.initial_js_kb', label: `Portal initial JavaScript, gzipped (${seen.size} files)`, value: Math.round((gzipped / 1024) * 10) / 10, unit: 'KB', budget: { max: 40 } },
    { id: 'portal.css_kb', label: 'Portal CSS, gzipped', value: Math.round((css / 1024) * 10) / 10, unit: 'KB' },
  ];
}
