import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';
import { descriptionOf, signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const questions = (page: Page) => page.locator('fieldset.builder-field input[id$="-label"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
const notice = (page: Page) => page.locator('.removed-field');
const undo = (page: Page) => page.getByRole('button', { name: 'Undo' });
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
const boardQuestions = ['Engraving text', 'Wood', 'Size', 'Extras', 'Needed by', 'Anything else?', 'Photos or sketches'];

/** A phone that taps, signed in as the demo seller, on the cutting board's form. */
async function phoneOnBoardForm(): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signInAs(journey, page, 'seller@demo.test');
  await page.goto(`${journey.server.url}/forms`);
  await page.getByRole('button', { name: 'Edit Engraved cutting board' }).tap();
  await expect.poll(() => questions(page)).toEqual(boardQuestions);
  return page;
}

describe('removing a field from a form', () => {
  it('on a phone, leaves a notice in its place whose Undo puts the field back where it was, options and all', async () => {
    const page = await phoneOnBoardForm();
    await page.locator('#fe-1-remove').tap();

    // The field is gone; the notice stands where it was, says which went, and holds the focus on Undo.
    await expect.poll(() => questions(page)).toEqual(boardQuestions.filter((q) => q !== 'Wood'));
    expect(await notice(page).innerText()).toContain('Removed “Wood”.');
    expect(await notice(page).evaluate((el) => el.previousElementSibling?.querySelector('legend')?.textContent)).toBe('Field 1');
    expect(await notice(page).evaluate((el) => el.nextElementSibling?.querySelector('legend')?.textContent)).toBe('Field 2');
    await expect.poll(() => focusedId(page)).toBe('removed-field-undo');
    expect(await inView(page, '.removed-field')).toBe(true);
    // Undo is a full-size target, not one as small as the arrows beside Remove.
    const box = (await undo(page).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    if (process.env.UNDO_SHOT) await page.screenshot({ path: process.env.UNDO_SHOT });

    // No timer takes it away from a slow reader.
    await page.waitForTimeout(1500);
    expect(await notice(page).count()).toBe(1);

    await undo(page).tap();
    await expect.poll(() => questions(page)).toEqual(boardQuestions);
    expect(await notice(page).count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('fe-1-label');
    expect(await page.locator('#fe-1-options').inputValue()).toBe('Walnut\nOak\nMaple');
    expect(await page.locator('#fe-1-label').locator('xpath=ancestor::fieldset').getByRole('checkbox', { name: 'Required' }).isChecked()).toBe(true);
    expect(await page.locator('#fe-1-label').locator('xpath=ancestor::fieldset').locator('strong').innerText()).toBe('2. Single choice');
    // The form is as it was opened: Close asks nothing, for there is nothing to lose.
    await page.getByRole('button', { name: 'Close', exact: true }).tap();
    await expect.poll(() => page.getByRole('list', { name: 'Your forms' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('goes when the form changes in another way, and a second removal replaces it', async () => {
    const page = await phoneOnBoardForm();
    await page.locator('#fe-3-remove').tap();
    expect(await notice(page).innerText()).toContain('Removed “Extras”.');
    await page.locator('#fe-0-remove').tap();
    expect(await notice(page).count()).toBe(1);
    expect(await notice(page).innerText()).toContain('Removed “Engraving text”.');
    expect(await notice(page).evaluate((el) => el.nextElementSibling?.querySelector('legend')?.textContent)).toBe('Field 1');
    await page.locator('#form-name').fill('Engraved board');
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.context().close();
  });

  it('from the keyboard, puts the focus on Undo, which the screen reader hears with what was removed', async () => {
    const page = await pageAs('seller@demo.test', '/forms');
    await page.getByRole('button', { name: 'Edit Engraved cutting board' }).click();
    await page.locator('#fe-3-down').focus();
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('fe-3-remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('removed-field-undo');
    expect(await descriptionOf(page, '#removed-field-undo')).toBe('Removed “Extras”.');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('fe-3-label');
    expect(await questions(page)).toEqual(boardQuestions);
    expect(await page.locator('#fe-3-options').inputValue()).toBe('Gift box\nJuice groove\nBoard oil');

    // The arrows still move a field and keep the keyboard on it.
    await page.locator('#fe-3-down').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('fe-4-down');
    expect(await questions(page)).toEqual(['Engraving text', 'Wood', 'Size', 'Needed by', 'Extras', 'Anything else?', 'Photos or sketches']);
    await page.close();
  });

  it('saves without the field while the notice is shown', async () => {
    const page = await pageAs('seller@demo.test', '/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Keyring');
    await page.locator('#fe-0-label').fill('Initials');
    await page.getByLabel('New field’s type').selectOption({ label: 'Single choice' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator('#fe-1-label').fill('Metal');
    await page.locator('#fe-1-options').fill('Brass\nSteel');
    await page.getByLabel('New field’s type').selectOption({ label: 'Checkbox' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator('#fe-2-label').fill('Gift wrap');
    await page.locator('#fe-1-remove').click();
    expect(await notice(page).innerText()).toContain('Removed “Metal”.');
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Keyring” (version 1).').isVisible()).toBe(true);
    expect(await notice(page).count()).toBe(0);
    const { forms } = (await (await page.request.get(`${journey.server.url}/api/shop/intake-forms`)).json()) as { forms: Array<{ name: string; fields: Array<{ label: string }> }> };
    expect(forms.find((f) => f.name === 'Keyring')?.fields.map((f) => f.label)).toEqual(['Initials', 'Gift wrap']);
    await page.close();
  });
});
