import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A file of test/fixtures. */
export const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

/**
 * On the seller's order page: uploads the fixture `file` and sends it, alone, as proof
 * v`version` (files sent before are offered again, listed after the new one, and left out).
 * `beforeSend` runs just before the click, e.g. to hold the reload that follows; `press` may make
 * the click a double one, as people tap.
 */
export async function sendProof(page: Page, file: string, version: number, options: { beforeSend?: () => Promise<unknown>; press?: 'click' | 'dblclick' } = {}): Promise<void> {
  // Counted on the loaded page.
  await page.getByRole('heading', { name: 'Send a proof' }).waitFor();
  const boxes = page.getByRole('checkbox', { name: 'In this proof' });
  const before = await boxes.count();
  await page.locator('.dropzone input[type=file]').setInputFiles(fixture(file));
  // The new file is offered once it has arrived and been checked by the server.
  await expect.poll(() => boxes.count()).toBe(before + 1);
  const send = page.getByRole('button', { name: `Send proof v${version}` });
  // Settled: the upload is done and the new file, listed first, chosen.
  await expect.poll(() => boxes.first().isChecked()).toBe(true);
  for (let i = 1; i < before + 1; i++) await boxes.nth(i).uncheck();
  await boxes.first().check();
  expect(await boxes.evaluateAll((all) => all.map((b) => (b as HTMLInputElement).checked))).toEqual([true, ...Array(before).fill(false)]);
  await options.beforeSend?.();
  await send[options.press ?? 'click']();
  await expect.poll(() => page.getByText(`Proof v${version} is on the customer’s order page.`).isVisible()).toBe(true);
}

/**
 * As a customer with a demo proof waiting (Ana and "Nonna's kitchen"): from their home to a new
 * comment on the proof, and the reply box under it, with its id.
 */
export async function replyBoxOnNonnasProof(page: Page, comment: string): Promise<{ reply: Locator; id: string }> {
  await page.getByRole('link', { name: /Nonna/ }).first().click();
  await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
  await page.getByLabel('Comment on this proof', { exact: true }).first().fill(comment);
  await page.getByRole('button', { name: 'Add comment' }).first().click();
  const reply = page.getByRole('textbox', { name: `Reply to your comment: “${comment}”` });
  return { reply, id: (await reply.getAttribute('id'))! };
}
