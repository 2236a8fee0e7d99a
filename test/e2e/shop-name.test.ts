import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { descriptionOf, signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';

const shopName = (page: Page) => page.locator('#shop-name');
const message = (page: Page) => page.locator('#revision-message');
const said = (page: Page) => page.locator('.announcement').innerText();
const topBarName = (page: Page) => page.locator('.topbar .brand').innerText();
const settingsAsSaved = async (page: Page) => (await (await page.request.get(`${journey.server.url}/api/shop/settings`)).json()) as { name: string; slug: string; revisionAllowance: number; revisionMessage?: string };
const screenshot = (page: Page, name: string) => page.screenshot({ path: `/tmp/s4/${name}.png`, fullPage: true });

describe('the shop’s name in Settings', () => {
  it('is renamed from the keyboard on a phone: the top bar follows at once, customers read it, and the address stays', async () => {
    const page = await pageAs(seller, '/settings', phone);
    await expect.poll(() => shopName(page).inputValue()).toBe('Willow & Wick');
    expect(await page.getByRole('textbox', { name: 'Shop name', exact: true }).getAttribute('id')).toBe('shop-name');
    // The address is shown to copy, not to edit: links already given to customers keep working.
    const address = page.getByRole('group', { name: 'Your request page' });
    expect(await address.getByRole('link').getAttribute('href')).toBe('/s/demo');
    expect(await address.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    expect(await page.locator('input').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).value.includes('/s/')).length)).toBe(0);
    await screenshot(page, 'phone-before');

    await shopName(page).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('  Oak & Ash Workshop ');
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page)).toBe('Saved. Your shop is now called “Oak & Ash Workshop”.');
    expect(await shopName(page).inputValue()).toBe('Oak & Ash Workshop');
    await expect.poll(() => topBarName(page)).toBe('Oak & Ash Workshop');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shop-name');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await settingsAsSaved(page)).toMatchObject({ name: 'Oak & Ash Workshop', slug: 'demo' });
    await screenshot(page, 'phone-saved');

    await page.reload();
    await expect.poll(() => shopName(page).inputValue()).toBe('Oak & Ash Workshop');
    expect(await topBarName(page)).toBe('Oak & Ash Workshop');

    // A customer at the same address reads the new name.
    const visitor = await (await journey.browser.newContext({ viewport: phone })).newPage();
    await visitor.goto(`${journey.server.url}/s/demo`);
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    expect(await visitor.locator('main p.muted.small').first().innerText()).toBe('Oak & Ash Workshop');
    await visitor.context().close();
    await page.close();
  }, 90_000);

  it('counts the room left in the name, and an emptied name is said in words, with the focus on it, and not sent', async () => {
    const page = await pageAs(seller, '/settings');
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname === '/api/shop/settings') saves.push(request.url());
    });
    const before = await settingsAsSaved(page);
    await expect.poll(() => shopName(page).inputValue()).toBe(before.name);
    // Far from the end, nothing; within the last fifth of 80, the room left, in the field's description.
    await shopName(page).fill('Oak & Ash');
    expect(await page.locator('#shop-name-count').count()).toBe(0);
    await shopName(page).fill('W'.repeat(70));
    await expect.poll(() => page.locator('#shop-name-count').textContent()).toBe('10 characters left');
    expect(await descriptionOf(page, '#shop-name')).toContain('10 characters left');
    expect(await shopName(page).getAttribute('maxlength')).toBe('80');
    await screenshot(page, 'desktop-count');

    await shopName(page).fill('   ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('#shop-name-error').textContent()).toBe('Enter your shop’s name.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shop-name');
    expect(await shopName(page).getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, '#shop-name')).toContain('Enter your shop’s name.');
    expect(saves).toEqual([]);
    await screenshot(page, 'desktop-empty');
    await page.keyboard.type('O');
    await expect.poll(() => page.locator('#shop-name-error').count()).toBe(0);
    expect((await settingsAsSaved(page)).name).toBe(before.name);
    await page.close();
  }, 60_000);

  it('saved elsewhere first, says the other name, keeps what this seller typed and takes what they left alone', async () => {
    const mine = await pageAs(seller, '/settings');
    const theirs = await pageAs(seller, '/settings');
    const before = await settingsAsSaved(mine);
    expect(before.revisionAllowance).toBe(2);
    await expect.poll(() => shopName(mine).inputValue()).toBe(before.name);
    await expect.poll(() => shopName(theirs).inputValue()).toBe(before.name);
    await message(mine).fill('Extra rounds are paid.');
    await shopName(theirs).fill('Theirs Studio');
    await theirs.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => said(theirs)).toMatch(/^Saved\./);

    await mine.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => mine.getByRole('alert').innerText())
      .toBe('Someone changed these settings meanwhile (now named “Theirs Studio”, with 2 free rounds). Yours are still below: save again to use them.');
    // The name this seller did not touch is theirs now, so saving again does not undo it.
    expect(await shopName(mine).inputValue()).toBe('Theirs Studio');
    expect(await message(mine).inputValue()).toBe('Extra rounds are paid.');
    await expect.poll(() => topBarName(mine)).toBe('Theirs Studio');
    await mine.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => said(mine)).toBe('Saved. New orders include these terms; orders already placed keep theirs.');
    expect(await settingsAsSaved(mine)).toMatchObject({ name: 'Theirs Studio', revisionMessage: 'Extra rounds are paid.' });

    // And the other way round: the name this seller typed is kept over a save of the rounds.
    await theirs.reload();
    await expect.poll(() => message(theirs).inputValue()).toBe('Extra rounds are paid.');
    await shopName(mine).fill('Mine Studio');
    await theirs.locator('#revision-allowance').fill('4');
    await theirs.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => said(theirs)).toMatch(/^Saved\./);
    await mine.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => mine.getByRole('alert').innerText())
      .toBe('Someone changed these settings meanwhile (now 4 free rounds and “Extra rounds are paid.”). Yours are still below: save again to use them.');
    expect(await shopName(mine).inputValue()).toBe('Mine Studio');
    expect(await mine.locator('#revision-allowance').inputValue()).toBe('4');
    await mine.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => said(mine)).toBe('Saved. Your shop is now called “Mine Studio”.');
    expect(await settingsAsSaved(mine)).toMatchObject({ name: 'Mine Studio', revisionAllowance: 4, revisionMessage: 'Extra rounds are paid.' });
    await expect.poll(() => topBarName(mine)).toBe('Mine Studio');
    await theirs.close();
    await mine.close();
  }, 90_000);
});
