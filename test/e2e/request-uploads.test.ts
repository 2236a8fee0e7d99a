import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 390, height: 844 });
const phone = { viewport: { width: 390, height: 844 } };
const wide = { viewport: { width: 1280, height: 900 } };
const fixtures = join(import.meta.dirname, '..', 'fixtures');
const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: readFileSync(join(fixtures, 'proof-v1.png')) });

async function requestPage(options: typeof phone) {
  const page = await journey.browser.newPage(options);
  await page.goto(`${journey.server.url}/s/demo`);
  await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
  return page;
}
const picker = (page: Page) => page.locator('#q-photos');
const files = (page: Page) => page.getByRole('list', { name: 'Files for Photos or sketches' }).getByRole('listitem');
/** What the field's one polite live region has said, in order. */
const said = (page: Page) => page.locator('.field:has(#q-photos) [role="status"]').locator('p').allInnerTexts();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() || document.activeElement?.id);

describe('files on the request page', () => {
  it('shortens a name over the limit to its start and extension, so the upload goes through', async () => {
    const page = await requestPage(phone);
    const signed: string[] = [];
    page.on('request', (r) => r.url().includes('/request-uploads') && signed.push(JSON.parse(r.postData() ?? '{}').filename));
    // 300 characters, as a phone's app may name a photo, in a script a person cannot shorten by eye.
    const long = `${'写真の説明'.repeat(60).slice(0, 296)}.png`;
    await picker(page).setInputFiles(photo(long));
    await expect.poll(() => files(page).first().innerText()).toContain('Attached');
    expect(signed).toHaveLength(1);
    expect(Array.from(signed[0]!)).toHaveLength(255);
    expect(signed[0]).toMatch(/^写真の説明写真の説明.*…\.png$/);
    // The person still sees the name of the file they chose.
    expect(await files(page).first().locator('.name').innerText()).toBe(long);
    await page.close();
  });

  for (const [size, options] of [['a phone', phone], ['a wide screen', wide]] as const) {
    it(`says each outcome in one polite region there from the start, on ${size}`, async () => {
      const page = await requestPage(options);
      const region = page.locator('.field:has(#q-photos) [role="status"]');
      expect(await region.count()).toBe(1);
      expect(await region.innerText()).toBe('');
      await picker(page).setInputFiles([{ name: 'sketch.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><p>not a picture</p>') }, photo('kitchen.png')]);
      await expect.poll(() => said(page)).toEqual(
        expect.arrayContaining([
          'Uploading sketch.png and kitchen.png.',
          'sketch.png was not attached. Only images (PNG, JPEG, WebP, GIF), PDF, SVG, AI and EPS files can be sent: this file is none of these.',
          'kitchen.png attached.',
        ]),
      );
      // Nothing else on the page speaks up about it: the region is the one voice.
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.close();
    });
  }

  it('drops "left out" once there is room again, saying the file can now be added', async () => {
    const page = await requestPage(phone);
    await picker(page).setInputFiles(['one.png', 'two.png', 'three.png', 'extra4.png'].map(photo));
    const leftOut = page.locator('#q-photos-left-out');
    await expect.poll(() => leftOut.innerText()).toBe('Up to 3 files here: extra4.png was left out.');
    await expect.poll(() => said(page)).toContain('Up to 3 files here: extra4.png was left out.');
    await expect.poll(() => files(page).getByText('Attached', { exact: true }).count()).toBe(3);
    expect(await picker(page).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Remove two.png' }).focus();
    await page.keyboard.press('Enter');
    const now = 'There is room now: choose extra4.png again to add it.';
    await expect.poll(() => leftOut.innerText()).toBe(now);
    await expect.poll(() => said(page)).toContain(`two.png removed. ${now}`);
    // The picker, enabled again, has the keyboard and tells what the message says.
    await expect.poll(() => focused(page)).toBe('q-photos');
    expect(await picker(page).getAttribute('aria-describedby')).toContain('q-photos-left-out');

    // Choosing it again adds it; the message has done its work.
    await picker(page).setInputFiles(photo('extra4.png'));
    await expect.poll(() => files(page).getByText('Attached', { exact: true }).count()).toBe(3);
    expect(await leftOut.count()).toBe(0);
    await page.close();
  });

  it('offers Try again for a file whose upload failed on the way, and sends the same file again', async () => {
    const page = await requestPage(phone);
    // The connection drops while the file is on its way to storage.
    let cut = true;
    await page.route(
      (url) => !url.href.startsWith(journey.server.url),
      async (route) => {
        if (!cut) return route.continue();
        await page.context().setOffline(true);
        await route.abort('internetdisconnected');
      },
    );
    await picker(page).setInputFiles(photo('venue.png'));
    const row = files(page).first();
    await expect.poll(() => row.locator('.error').innerText()).toBe('The upload failed. Check your connection and try again.');
    await expect.poll(() => said(page)).toContain('venue.png was not attached. The upload failed. Check your connection and try again.');
    expect(await page.getByRole('button', { name: 'Remove venue.png' }).isVisible()).toBe(true);

    cut = false;
    await page.context().setOffline(false);
    const tryAgain = page.getByRole('button', { name: 'Try again venue.png' });
    await tryAgain.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.innerText()).toContain('Attached');
    await expect.poll(() => said(page)).toContain('venue.png attached.');
    // The keyboard stayed on the file's button, now its Remove.
    await expect.poll(() => focused(page)).toBe('Remove venue.png');

    // The file tried again is the one the request carries.
    await page.getByLabel('Engraving text').fill('Vera & Nils');
    await page.getByRole('radio', { name: 'Walnut' }).check();
    await page.getByRole('radio', { name: 'Medium (40 × 25 cm)' }).check();
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill('Vera Nils');
    await page.getByRole('textbox', { name: 'Your email', exact: true }).fill('vera@example.test');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByRole('heading', { name: 'Request sent', level: 1 }).waitFor();
    await page.close();
  });

  it('fills in the email of a customer signed in here, still theirs to change, and asks nothing on leaving it as it is', async () => {
    const page = await pageAs('ana@demo.test', '/s/demo');
    const email = page.getByRole('textbox', { name: 'Your email', exact: true });
    await expect.poll(() => email.inputValue()).toBe('ana@demo.test');
    // The session holds no name for a customer: that is still asked for.
    expect(await page.getByRole('textbox', { name: 'Your name', exact: true }).inputValue()).toBe('');
    let asked = false;
    page.on('dialog', (dialog) => {
      asked = true;
      return dialog.dismiss();
    });
    // Changed, it is theirs: typed in, it is kept, and leaving would lose it.
    await email.fill('ana.work@example.test');
    expect(await email.inputValue()).toBe('ana.work@example.test');
    await page.locator('a.brand').click();
    await expect.poll(() => asked).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/s/demo');

    // Left as it came, it is nothing to lose: the page goes without asking.
    asked = false;
    await email.fill('ana@demo.test');
    await page.locator('a.brand').click();
    await page.waitForURL((url) => url.pathname === '/home');
    expect(asked).toBe(false);
    await page.close();
  }, 60_000);
});
