import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { descriptionOf, signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });
const phone = { width: 390, height: 844 };

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const summary = (page: Page) => page.locator('#save-problems');
const summaryItems = (page: Page) => summary(page).getByRole('listitem').allInnerTexts();
const summaryLinks = (page: Page) => summary(page).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
/** Whether the element is wholly inside the visible part of the page. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('a form the server refuses to save', () => {
  it('lists the problems in the form’s order, each a link to its control, and shows each in its field until that field changes', async () => {
    const page = await pageAs('seller@demo.test', '/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('   ');
    await page.locator('#fe-0-label').fill('Text on the mug');
    await page.locator('#fe-0-minLength').fill('10');
    await page.locator('#fe-0-maxLength').fill('5');
    await page.getByLabel('New field’s type').selectOption({ label: 'Checkbox' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator('#fe-1-label').fill('Gift wrap');
    await page.getByLabel('New field’s type').selectOption({ label: 'Multiple choice' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator('#fe-2-label').fill('Mug colour');
    await page.locator('#fe-2-options').fill(`White\nBlue\nwhite\n${'R'.repeat(101)}`);
    await page.getByRole('button', { name: 'Save form' }).click();

    // The summary takes the focus, beside Save: the form's own problem first, then the fields' in order.
    await expect.poll(() => focusedId(page)).toBe('save-problems');
    expect(await summary(page).getByRole('heading').innerText()).toBe('The form was not saved');
    expect(await summaryItems(page)).toEqual([
      'A form needs a name.',
      'Field 1 (“Text on the mug”): The minimum length is above the maximum.',
      'Field 3 (“Mug colour”): An option is at most 100 characters.',
      'Field 3 (“Mug colour”): “White” and “white” are the same option.',
    ]);
    expect(await summaryLinks(page)).toEqual(['#form-name', '#fe-0-minLength', '#fe-2-options', '#fe-2-options']);
    expect(await summary(page).evaluate((el) => el.nextElementSibling?.textContent)).toContain('Save form');

    // Each field says its own problems at the control, for screen readers too; the field without any is not marked.
    const options = page.locator('#fe-2-options');
    expect(await options.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, '#fe-2-options')).toBe('One per line. An option is at most 100 characters. “White” and “white” are the same option.');
    expect(await page.locator('#form-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#form-name-error').innerText()).toBe('A form needs a name.');
    expect(await page.locator('#fe-0-minLength-error').innerText()).toBe('The minimum length is above the maximum.');
    expect(await page.locator('fieldset.builder-field.has-error').evaluateAll((cards) => cards.map((c) => c.querySelector('legend')?.textContent))).toEqual(['Field 1', 'Field 3']);

    // From the keyboard: Tab to a problem's link, Enter, and the keyboard is in the control to fix.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Field 3 (“Mug colour”): An option is at most 100 characters.');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('fe-2-options');
    expect(await inView(page, '#fe-2-options')).toBe(true);

    // Changing the field takes its messages away, there and in the summary; the others stay.
    await options.fill('White\nBlue\nBlack');
    await expect.poll(() => options.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#fe-2-options-error').count()).toBe(0);
    expect(await summaryItems(page)).toEqual(['A form needs a name.', 'Field 1 (“Text on the mug”): The minimum length is above the maximum.']);

    // A field moved keeps its problem, under its new number.
    await page.getByRole('button', { name: 'Move field 1 down' }).click();
    await expect.poll(() => summaryItems(page)).toEqual(['A form needs a name.', 'Field 2 (“Text on the mug”): The minimum length is above the maximum.']);
    expect(await summaryLinks(page)).toEqual(['#form-name', '#fe-1-minLength']);
    expect(await page.locator('#fe-1-minLength').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#fe-0-minLength').count()).toBe(0);

    await page.getByLabel('Form name').fill('Mug order');
    await page.locator('#fe-1-maxLength').fill('20');
    await expect.poll(() => summary(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Mug order” (version 1).').isVisible()).toBe(true);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await page.close();
  });

  it('takes a phone from the summary by Save to the field far above it', async () => {
    const page = await pageAs('seller@demo.test', '/forms', phone);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Phone mug');
    await page.locator('#fe-0-label').fill('   ');
    await page.getByLabel('New field’s type').selectOption({ label: 'Single choice' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.locator('#fe-1-label').fill('Finish');
    await page.locator('#fe-1-options').fill('Matt\nGloss\nMATT\nGloss');
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => focusedId(page)).toBe('save-problems');
    expect(await summaryItems(page)).toEqual(['Field 1: A field needs a label.', 'Field 2 (“Finish”): “Matt” and “MATT” are the same option. “Gloss” is listed twice.']);
    expect(await inView(page, '#save-problems')).toBe(true);
    expect(await inView(page, '#fe-0-label')).toBe(false);
    await summary(page).getByRole('link', { name: 'Field 1: A field needs a label.' }).click();
    await expect.poll(() => focusedId(page)).toBe('fe-0-label');
    // The question's label and its message are in view with it, not only the box.
    expect(await inView(page, 'label[for="fe-0-label"]')).toBe(true);
    expect(await inView(page, '#fe-0-label-error')).toBe(true);
    await page.close();
  });
});
