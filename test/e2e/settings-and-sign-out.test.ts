import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdFirstAnswer } from '#test/helpers/hold-answers.ts';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';
const leaveQuestion = 'Leave this page? What you typed here has not been saved or sent.';

const rounds = (page: Page) => page.locator('#revision-allowance');
const message = (page: Page) => page.locator('#revision-message');
const said = (page: Page) => page.locator('.announcement').innerText();
const settingsAsSaved = async (page: Page) => (await (await page.request.get(`${journey.server.url}/api/shop/settings`)).json()) as { revisionAllowance: number; revisionMessage?: string };

/** Every question the page asks with a dialog, answered with `answer.leave`. */
function dialogs(page: Page) {
  const answer = { leave: false, asked: [] as string[] };
  page.on('dialog', (dialog) => {
    answer.asked.push(dialog.message());
    void (answer.leave ? dialog.accept() : dialog.dismiss());
  });
  return answer;
}

/** The main navigation's links marked current, with how: "page" for the link's own page, "true" for another page of its section. */
const currentLinks = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .locator('a[aria-current]')
    .evaluateAll((links) => links.map((a) => `${a.textContent} ${a.getAttribute('aria-current')}`));

describe('settings, the top bar and the forms list', () => {
  it('asks the server for the settings once per visit', async () => {
    const page = await pageAs(seller, '/dashboard');
    const asks: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/shop/settings') asks.push(request.method());
    });
    await page.goto(`${journey.server.url}/settings`);
    await expect.poll(() => rounds(page).inputValue()).toBe('2');
    // Away by the top bar and back: the second visit asks once more, no more.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake forms' }).click();
    await page.getByRole('list', { name: 'Your forms' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => rounds(page).inputValue()).toBe('2');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('tab', { name: /All open/ }).waitFor();
    expect(asks).toEqual(['GET', 'GET']);
    await page.close();
  });

  it('keeps what the seller typed while a save was on its way, and the page still asks before it is left', async () => {
    const page = await pageAs(seller, '/settings', phone);
    const leaving = dialogs(page);
    await expect.poll(() => rounds(page).inputValue()).toBe('2');
    const save = await holdFirstAnswer(page, (url) => url.pathname === '/api/shop/settings');
    await rounds(page).fill('6');
    await message(page).fill('Sent first.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => save.isHeld()).toBe(true);
    expect(await page.getByRole('button', { name: 'Saving…' }).isVisible()).toBe(true);
    await rounds(page).fill('8');
    await message(page).fill('Typed while saving.');
    await save.release();

    await expect.poll(() => said(page)).toBe('Saved what you sent (6 free rounds). What you changed while it was saving is not saved yet: save again to use it.');
    expect(await rounds(page).inputValue()).toBe('8');
    expect(await message(page).inputValue()).toBe('Typed while saving.');
    expect(await settingsAsSaved(page)).toMatchObject({ revisionAllowance: 6, revisionMessage: 'Sent first.' });
    // Not saved yet, so leaving asks; staying keeps it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => leaving.asked).toEqual([leaveQuestion]);
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await rounds(page).inputValue()).toBe('8');

    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => said(page)).toBe('Saved. New orders include these terms; orders already placed keep theirs.');
    expect(await settingsAsSaved(page)).toMatchObject({ revisionAllowance: 8, revisionMessage: 'Typed while saving.' });
    await page.close();
  });

  it('says "Saved." only until the next change, and sends nothing when nothing changed', async () => {
    const page = await pageAs(seller, '/settings');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname === '/api/shop/settings') saves.push(request.url());
    });
    await expect.poll(() => rounds(page).inputValue()).not.toBe('');
    await rounds(page).fill('4');
    const saveButton = page.getByRole('button', { name: 'Save settings' });
    await saveButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page)).toBe('Saved. New orders include these terms; orders already placed keep theirs.');
    expect(saves).toHaveLength(1);

    // Saved again as it stands: nothing is sent, and it is not claimed as a save.
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page)).toBe('Nothing to save: these are your settings already.');
    expect(saves).toHaveLength(1);

    await rounds(page).fill('5');
    await expect.poll(() => said(page)).toBe('');
    await saveButton.click();
    await expect.poll(() => said(page)).toMatch(/^Saved\./);
    await message(page).fill('Anything more is paid.');
    await expect.poll(() => said(page)).toBe('');
    expect(saves).toHaveLength(2);
    await page.close();
  });

  it('previews the message past the free rounds as the customer reads it, and no free rounds in words', async () => {
    const page = await pageAs(seller, '/settings', phone);
    const preview = page.locator('.preview-box');
    await expect.poll(() => rounds(page).inputValue()).not.toBe('');
    await message(page).fill('');
    await rounds(page).fill('0');
    await expect.poll(() => preview.locator('p').innerText()).toBe('What a customer sees with no free rounds, before asking for any change:');
    expect(await preview.locator('.notice').innerText()).toBe('Your order includes no free revision rounds. The shop will let you know whether any change needs a paid revision.');
    // The empty message's placeholder is the message the customer would get: it follows the number typed.
    expect(await message(page).getAttribute('placeholder')).toBe(await preview.locator('.notice').innerText());
    await rounds(page).fill('3');
    await expect.poll(() => message(page).getAttribute('placeholder')).toBe('Your order includes 3 free revision rounds. The shop will let you know whether further changes need a paid revision.');
    expect(await preview.locator('p').innerText()).toBe('What a customer sees past 3 free rounds:');

    const listing = 'https://www.etsy.com/listing/123/paid-revision';
    await message(page).fill(`Extra rounds are paid.\nSee ${listing} for the listing.`);
    const link = preview.getByRole('link', { name: listing, exact: true });
    await expect.poll(() => link.getAttribute('href')).toBe(listing);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await preview.locator('.notice').innerText()).toBe(`Extra rounds are paid.\nSee ${listing} for the listing.`);
    // Nothing wider than the phone, long address and all.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('marks the section of the page in the top bar, and none on a page that is not found', async () => {
    const page = await pageAs(seller, '/dashboard', phone);
    await expect.poll(() => currentLinks(page)).toEqual(['Orders page']);
    await page.getByRole('list', { name: 'Orders' }).getByRole('link').first().click();
    await page.getByRole('link', { name: '← All orders' }).waitFor();
    expect(await currentLinks(page)).toEqual(['Orders true']);
    await page.goto(`${journey.server.url}/settings`);
    await expect.poll(() => currentLinks(page)).toEqual(['Settings page']);
    for (const nowhere of ['/dashboard/nope', '/settingsx', '/forms/old', '/orders']) {
      await page.goto(`${journey.server.url}${nowhere}`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).waitFor();
      expect(await currentLinks(page), nowhere).toEqual([]);
    }
    await page.close();
  });

  it('gives each form its own request address to copy, and says which version it is', async () => {
    const page = await pageAs(seller, '/forms', phone);
    const { forms } = (await (await page.request.get(`${journey.server.url}/api/shop/intake-forms`)).json()) as { forms: Array<{ formId: string; name: string; version: number; archived: boolean }> };
    const live = forms.filter((f) => !f.archived);
    expect(live.length).toBeGreaterThan(1);
    const list = page.getByRole('list', { name: 'Your forms' });
    await list.waitFor();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    for (const form of live) {
      const row = list.getByRole('listitem').filter({ hasText: form.name });
      const address = `${journey.server.url}/s/demo?form=${form.formId}`;
      const link = row.getByRole('link', { name: address, exact: true });
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe(`/s/demo?form=${form.formId}`);
      expect(await row.locator('.ref').innerText()).toBe(`Version ${form.version}`);
      await page.getByRole('button', { name: `Copy link to ${form.name}`, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => row.locator('.copy-said').textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    }
    // The shop's own address above the list is as it was.
    expect(await page.getByRole('button', { name: 'Copy link', exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The address opens the request page on that form.
    const other = live[1]!;
    await list.getByRole('link', { name: `${journey.server.url}/s/demo?form=${other.formId}`, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(other.name);
    await page.close();
  });

  // Last: it signs the seller out.
  it('asks before signing out of a page with unsaved work, and signs out only once the seller agrees', async () => {
    const page = await pageAs(seller, '/settings', phone);
    const leaving = dialogs(page);
    await expect.poll(() => rounds(page).inputValue()).not.toBe('7');
    await rounds(page).fill('7');
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => leaving.asked).toEqual([leaveQuestion]);
    // Staying keeps the page, what was typed, and the session.
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await rounds(page).inputValue()).toBe('7');
    expect((await page.request.get(`${journey.server.url}/api/me`)).status()).toBe(200);

    leaving.leave = true;
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in$/);
    expect(leaving.asked).toEqual([leaveQuestion, leaveQuestion]);
    expect((await page.request.get(`${journey.server.url}/api/me`)).status()).toBe(401);
    await page.close();
  });
});
