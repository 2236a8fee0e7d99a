import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdFirstAnswer } from '#test/helpers/hold-answers.ts';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });
const phone = { width: 390, height: 844 };
const nonnas = 'Engraved cutting board, "Nonna\'s kitchen"';

const orderRows = (page: Page) => page.getByRole('list', { name: 'Orders' }).locator(':scope > li');
const rowTitles = (page: Page) => orderRows(page).locator('.title').allTextContents();

async function search(page: Page, text: string) {
  await page.locator('#search').fill(text);
  await page.locator('#search').press('Enter');
}

/** Pastes `text` into the focused control the way a person does: the system clipboard, then Ctrl+V. */
async function paste(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

describe('the dashboard search, as a maker types it', () => {
  it('finds Nonna’s order typed with a phone’s curly apostrophe, and by its reference without the dash', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    await search(page, 'nonna’s');
    await expect.poll(() => rowTitles(page)).toEqual([nonnas]);
    const reference = (await orderRows(page).first().locator('.ref').textContent())!;
    expect(reference).toMatch(/^WW-[A-Z0-9]{4}$/);
    // Another search between, so the order shown next is the reference's answer, not the one before.
    await search(page, 'okafor');
    await expect.poll(async () => (await rowTitles(page)).length > 0 && !(await rowTitles(page)).includes(nonnas)).toBe(true);
    // As typed in a hurry: no dash, lower case.
    await search(page, reference.replace('-', '').toLowerCase());
    await expect.poll(() => rowTitles(page)).toEqual([nonnas]);
    expect(await orderRows(page).first().locator('.ref').textContent()).toBe(reference);
    await page.close();
  });

  it('takes no more than 100 characters, says what a long paste left out, and keeps the list', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', phone);
    await expect.poll(() => orderRows(page).count()).toBeGreaterThan(1);
    expect(await page.locator('#search').getAttribute('maxlength')).toBe('100');
    await page.locator('#search').focus();
    await paste(page, 'y'.repeat(150));
    await expect.poll(() => page.locator('#search').inputValue()).toBe('y'.repeat(100));
    await expect.poll(() => page.locator('#search-cut').textContent()).toBe('Only the first 100 characters you pasted fitted: the last 50 were left out.');
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Nothing matches this search.');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('shows the list without a search the API refused, and says why beside the box', async () => {
    const page = await pageAs('seller@demo.test', `/dashboard?q=${'x'.repeat(120)}`);
    await expect.poll(() => orderRows(page).count()).toBeGreaterThan(1);
    expect(await page.locator('#search-error').textContent()).toBe(
      'A search can be at most 100 characters: search for a shorter part, such as a name or the reference. The orders below are not searched.',
    );
    expect(await page.locator('#search').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});

describe('the dashboard’s summary and request page', () => {
  it('says how many days "due soon" looks ahead', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    await expect.poll(() => page.locator('.summary-line').textContent()).toMatch(/· \d+ due in the next 3 days$/);
    await page.close();
  });

  it('shows the request page’s whole address and copies it, saying so politely, on a phone', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', phone);
    const address = `${journey.server.url}/s/demo`;
    const link = page.getByRole('link', { name: address, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/s/demo');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    const status = page.locator('.request-page-link [role=status]');
    expect(await status.textContent()).toBe('');
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await page.close();
  });

  it('shows the same whole address, with its Copy link, above the intake forms', async () => {
    const page = await pageAs('seller@demo.test', '/forms');
    const link = page.getByRole('link', { name: `${journey.server.url}/s/demo`, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/s/demo');
    expect(await page.getByRole('button', { name: 'Copy link', exact: true }).isVisible()).toBe(true);
    await page.close();
  });

  it('keeps the room of the summary and the address while they load, so the page does not move', async () => {
    for (const viewport of [{ width: 320, height: 700 }, phone, { width: 1280, height: 900 }]) {
      const page = await pageAs('seller@demo.test', '/dashboard', viewport);
      const summary = await holdFirstAnswer(page, (url) => url.pathname === '/api/shop/summary');
      await page.reload();
      await expect.poll(() => summary.isHeld()).toBe(true);
      // The search bar, under them at every width (the status tabs are a select in it on a phone).
      await page.locator('.toolbar').waitFor();
      const barTop = () => page.locator('.toolbar').evaluate((bar) => bar.getBoundingClientRect().top);
      const before = await barTop();
      await summary.release();
      await page.getByRole('button', { name: 'Copy link', exact: true }).waitFor();
      expect(await barTop(), `${viewport.width} wide`).toBe(before);
      await page.close();
    }
  });

  it('selects the address to copy by hand where the browser refuses the clipboard', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    const address = `${journey.server.url}/s/demo`;
    await page.getByRole('link', { name: address, exact: true }).waitFor();
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.locator('.request-page-link [role=status]').textContent()).toBe('This browser did not allow copying: the address is selected for you to copy.');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(address);
    await page.close();
  });
});
