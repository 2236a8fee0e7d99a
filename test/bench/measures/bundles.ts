import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction } from '#functions/bundle.ts';
import type { Row } from '#test/bench/row.ts';

const baselineEntry = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const s3 = new S3Client({});
export const handler = handle(new Hono().get('/', (c) => c.json({ ok: Boolean(ddb && s3) })));
`;

const env = {
  ...process.env,
  ATELIER_MODE: 'aws',
  TABLE_NAME: 'bench',
  UPLOADS_BUCKET: 'bench',
  PUBLIC_URL: 'https://atelier.example',
  EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:bench',
  ORIGIN_SECRET: 'bench-origin-secret-of-at-least-32-characters',
  AWS_REGION: 'eu-west-1',
  LOG_LEVEL: 'SILENT',
  NODE_NO_WARNINGS: '1',
};

function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }).trim());
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * Median milliseconds of `import(file)`, each in a fresh Node process. The files are imported in
 * turn, round after round, so that a slow spell of the machine weighs on every figure alike and
 * not on whichever was measured during it (this machine is shared: a run's baseline has moved
 * from 46 to 66 ms between runs).
 */
function coldImportMs(files: string[], rounds = 15): number[] {
  const times = files.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) files.forEach((file, i) => times[i]!.push(importMs(file)));
  return times.map(median);
}

/** Each Lambda bundle as deployed, beside a bare Hono + AWS SDK bundle built the same way. */
export async function measureBundles(repoRoot: string): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-bench-bundle-'));
  try {
    writeFileSync(join(repoRoot, 'functions', '.bench-baseline.ts'), baselineEntry);
    const [api, files, baseline] = await Promise.all([
      bundleFunction(join(repoRoot, 'functions/api/index.ts'), join(dir, 'api')),
      bundleFunction(join(repoRoot, 'functions/files/index.ts'), join(dir, 'files'), { native: ['sharp'] }),
      bundleFunction(join(repoRoot, 'functions', '.bench-baseline.ts'), join(dir, 'baseline')),
    ]);
    const sharpEntry = join(dir, 'files', 'sharp-alone.mjs');
    writeFileSync(sharpEntry, "import 'sharp';\n");
    const [apiMs, filesMs, baselineMs, sharpMs] = coldImportMs([api.file, files.file, baseline.file, sharpEntry]) as [number, number, number, number];
    return [
      { id: 'bundle.api_kb', label: 'api Lambda bundle loaded at cold start (minified)', value: Math.round(api.coldBytes / 1024), unit: 'KB', budget: { max: 600 }, baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baseline.coldBytes / 1024) } },
      { id: 'bundle.api_total_kb', label: 'api Lambda bundle, all chunks (incl. loaded on first use)', value: Math.round(api.totalBytes / 1024), unit: 'KB', baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baseline.totalBytes / 1024) }, note: 'S3, SNS, SES, mail templates load on first use' },
      { id: 'cold.api_ms', label: 'api cold import (median of 15)', value: Math.round(apiMs), unit: 'ms', budget: { max: Math.round(baselineMs * 1.5) }, baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baselineMs) }, note: 'budget: 1.5 × baseline' },
      { id: 'bundle.files_kb', label: 'files Lambda bundle loaded at cold start (minified, sharp beside it)', value: Math.round(files.coldBytes / 1024), unit: 'KB', baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baseline.coldBytes / 1024) } },
      { id: 'cold.files_ms', label: 'files cold import (median of 15)', value: Math.round(filesMs), unit: 'ms', budget: { max: Math.round(baselineMs * 1.5) }, baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baselineMs) }, note: 'budget: 1.5 × baseline; sharp and the S3 client load with the first image' },
      { id: 'cold.sharp_ms', label: 'sharp alone, loaded with the first image a files Lambda renders (median of 15)', value: Math.round(sharpMs), unit: 'ms', baseline: { label: 'bare Hono + AWS SDK', value: Math.round(baselineMs) }, note: 'not with the Lambda: PDFs, other files and repeated events never load it' },
    ];
  } finally {
    rmSync(join(repoRoot, 'functions', '.bench-baseline.ts'), { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
