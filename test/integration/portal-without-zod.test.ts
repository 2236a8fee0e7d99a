import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPortal } from '#web/build.ts';

const outdir = mkdtempSync(join(tmpdir(), 'atelier-portal-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the portal as built', () => {
  // zod is the server's: a limit imported by value from a schema once put it in the request
  // page's bundle, and that page's Lighthouse performance fell from 98 to 78.
  it('carries no zod on any page', async () => {
    const { files } = await buildPortal({ outdir, minify: true });
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const withZod = scripts.filter((f) => /ZodError|\$ZodType/.test(readFileSync(f, 'utf8')));
    expect(withZod).toEqual([]);
  });
});
