import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from '#shared/zod.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes('node_modules'))
    .map((file) => join(dir, file));
}

describe('zod, as Atelier imports it', () => {
  it('is jitless before any schema is built', () => {
    expect(z.config().jitless).toBe(true);
  });

  // A schema module that imported zod directly could be built before the setting is made, and a
  // named import of `z` keeps all of zod in the Lambda bundles (functions/bundle.ts).
  it('is imported through shared/zod.ts everywhere', () => {
    const files = ['shared', 'functions', 'infra', 'test'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const direct = files.filter((file) => /^import (?!type\b)[^;]*from 'zod(\/[^']*)?';/m.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(direct.map((file) => relative('.', file))).toEqual(['shared/zod.ts']);
  });
});
