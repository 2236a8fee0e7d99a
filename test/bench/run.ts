/**
 * `npm run bench`: the figures of DESIGN §11, each beside its budget and a baseline measured in
 * the same run, printed as one table and kept in bench-results/latest.json (the previous run in
 * previous.json, and the change against it printed). `-- --soak` adds the 5-minute soak.
 * A report, not a test: it exits 0 even when a figure misses its budget.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchEnvironment } from '#test/bench/environment.ts';
import { measureBundles } from '#test/bench/measures/bundles.ts';
import { measurePages } from '#test/bench/measures/pages.ts';
import { measurePortal } from '#test/bench/measures/portal.ts';
import { measureScreens } from '#test/bench/measures/screens.ts';
import { measureSoak } from '#test/bench/measures/soak.ts';
import { measureThroughput } from '#test/bench/measures/throughput.ts';
import { verdict, type Row } from '#test/bench/row.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = join(repoRoot, 'bench-results');
const soak = process.argv.includes('--soak');

async function section(name: string, rows: Row[], measure: () => Promise<Row[]> | Row[]) {
  const started = Date.now();
  process.stdout.write(`bench: ${name}… `);
  try {
    rows.push(...(await measure()));
    console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    console.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({ id: `${name}.failed`, label: `${name} (could not be measured)`, value: null, unit: '', note: String(error).slice(0, 120) });
  }
}

function printTable(rows: Row[], previous: Record<string, number | null>) {
  const cells = rows.map((r) => {
    const budget = r.budget ? (r.budget.max !== undefined ? `≤ ${r.budget.max}` : `≥ ${r.budget.min}`) : '';
    const before = previous[r.id];
    const change = r.value !== null && typeof before === 'number' && before !== r.value ? `${r.value > before ? '+' : ''}${Math.round((r.value - before) * 10) / 10}` : '';
    return [r.label, r.value === null ? '—' : `${r.value} ${r.unit}`, budget, r.baseline ? `${r.baseline.value} (${r.baseline.label})` : '', verdict(r), change, r.note ?? ''];
  });
  const head = ['figure', 'value', 'budget', 'baseline (same run)', 'verdict', 'vs last', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' │ ');
  console.log(`\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}\n${cells.map(line).join('\n')}`);
}

const rows: Row[] = [];
const env = await startBenchEnvironment();
try {
  await section('screens', rows, () => measureScreens(env));
  await section('bundles', rows, () => measureBundles(repoRoot));
  await section('portal', rows, () => measurePortal(env.portalDir));
  await section('pages', rows, () => measurePages(env));
  await section('throughput', rows, () => measureThroughput(env));
  if (soak) await section('soak', rows, () => measureSoak(env));
} finally {
  await env.stop();
}

mkdirSync(resultsDir, { recursive: true });
const latest = join(resultsDir, 'latest.json');
let previous: Record<string, number | null> = {};
if (existsSync(latest)) {
  previous = Object.fromEntries((JSON.parse(readFileSync(latest, 'utf8')).rows as Row[]).map((r) => [r.id, r.value]));
  renameSync(latest, join(resultsDir, 'previous.json'));
}
writeFileSync(latest, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
printTable(rows, previous);
const misses = rows.filter((r) => verdict(r) === 'MISS');
console.log(`\n${rows.length} figures, ${misses.length} over budget${misses.length ? `: ${misses.map((m) => m.id).join(', ')}` : ''}. Written to ${latest}.`);
process.exit(0);
