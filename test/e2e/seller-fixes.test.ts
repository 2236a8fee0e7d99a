import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });

const phone = { width: 390, height: 844 };

/** An order made through the API as the signed-in seller; `quoted` moves it on one step. */
async function createOrder(page: Page, title: string, options: { quoted?: boolean } = {}): Promise<string> {
  const headers = { origin: journey.server.url };
  const created = await page.request.post(`${journey.server.url}/api/orders`, { headers, data: { title, customer: { name: 'Cy Fixes', email: 'cy@example.test' } } });
  expect(created.status()).toBe(201);
  const { orderId } = (await created.json()) as { orderId: string };
  if (options.quoted) {
    const moved = await page.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers, data: { to: 'quoted', version: 1 } });
    expect(moved.status()).toBe(200);
  }
  return orderId;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
/** Whether the element is wholly inside the visible part of the page. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('the seller’s desk, as fixed', () => {
  it('marks and focuses the first field to fix in a new order, on a phone', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', phone);
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-title').fill('Phone order');
    await page.locator('#new-name').fill('   ');
    await page.locator('#new-email').fill('cy@example.test');
    await page.getByRole('button', { name: 'Create order' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('new-name');
    expect(await page.locator('#new-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-name-error').textContent()).toBe('Enter the customer’s name.');
    expect(await page.locator('#new-name').getAttribute('aria-describedby')).toContain('new-name-error');
    expect(await inView(page, '#new-name')).toBe(true);
    expect(await inView(page, '#new-name-error')).toBe(true);
    await page.locator('#new-name').fill('Cy Phone');
    expect(await page.locator('#new-name').getAttribute('aria-invalid')).toBeNull();
    // What only the server can judge is shown beside its field too, in its words.
    await page.locator('#new-email').fill('cy@example');
    await page.getByRole('button', { name: 'Create order' }).click();
    await expect.poll(() => page.locator('#new-email-error').allTextContents()).toEqual(['Enter a valid email address.']);
    expect(await focusedId(page)).toBe('new-email');
    expect(await inView(page, '#new-email-error')).toBe(true);
    // Fixed, the order is made.
    await page.locator('#new-email').fill('cy@example.test');
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.getByRole('heading', { name: 'Phone order', level: 1 }).waitFor();
    await page.close();
  });

  it('offers only due dates within 10 years of today', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    await page.getByRole('button', { name: 'New order' }).click();
    const year = new Date().getUTCFullYear();
    const range = (selector: string) => page.locator(selector).evaluate((el) => [(el as HTMLInputElement).min.slice(0, 4), (el as HTMLInputElement).max.slice(0, 4)]);
    expect(await range('#new-due')).toEqual([String(year - 10), String(year + 10)]);
    const orderId = await createOrder(page, 'Dated order');
    await page.goto(`${journey.server.url}/orders/${orderId}`);
    await page.getByRole('heading', { name: 'Dated order', level: 1 }).waitFor();
    expect(await range('#edit-due')).toEqual([String(year - 10), String(year + 10)]);
    await page.close();
  });

  it('takes the keyboard to the first order "Show more" brought', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    for (let i = 1; i <= 26; i++) await createOrder(page, `Paged order ${String(i).padStart(2, '0')}`);
    await page.reload();
    const rows = page.getByRole('list', { name: 'Orders' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Show more' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBeGreaterThan(25);
    const firstNew = await rows.nth(25).locator('a').getAttribute('href');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstNew);
    await page.close();
  });

  it('previews only a number of free rounds that can be saved, and says what is allowed', async () => {
    const page = await pageAs('seller@demo.test', '/settings');
    const rounds = page.getByLabel('Free revision rounds per order');
    const preview = page.locator('.preview-box');
    await rounds.fill('3');
    await expect.poll(() => preview.innerText()).toContain('Your order includes 3 free revision rounds');
    for (const wrong of ['-1', '2.5', '21']) {
      await rounds.fill(wrong);
      await expect.poll(() => page.locator('#revision-allowance-error').allTextContents()).toEqual(['Enter a whole number of rounds, from 0 to 20.']);
      expect(await rounds.getAttribute('aria-invalid')).toBe('true');
      expect(await preview.innerText()).toContain('Your order includes 3 free revision rounds');
      expect(await preview.innerText()).not.toContain(wrong);
    }
    await rounds.fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('#revision-allowance-error').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('revision-allowance');
    await rounds.fill('1');
    await expect.poll(() => preview.innerText()).toContain('Your order includes 1 free revision round.');
    expect(await page.locator('#revision-allowance-error').count()).toBe(0);
    await page.close();
  });

  it('says a reason is needed when Confirm is pressed without one, and puts the keyboard in it', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    const orderId = await createOrder(page, 'Reasoned order', { quoted: true });
    await page.goto(`${journey.server.url}/orders/${orderId}`);
    await page.getByRole('heading', { name: 'Reasoned order', level: 1 }).waitFor();
    const confirm = page.getByRole('button', { name: 'Confirm' });

    await page.getByRole('button', { name: 'Start production without approval' }).click();
    await confirm.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reason-error').allTextContents()).toEqual(['Give a reason for starting before the customer approved.']);
    expect(await focusedId(page)).toBe('reason');
    expect(await page.locator('#reason').getAttribute('aria-invalid')).toBe('true');

    // Another step's form starts clean, and asks in its own words.
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(() => page.locator('#reason-error').count()).toBe(0);
    await confirm.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reason-error').allTextContents()).toEqual(['Give a reason for cancelling: the customer reads it.']);
    expect(await focusedId(page)).toBe('reason');
    await page.keyboard.type('Ordered twice');
    expect(await page.locator('#reason-error').count()).toBe(0);
    await confirm.click();
    await expect.poll(() => page.getByText('Moved to Cancelled.').isVisible()).toBe(true);
    await page.close();
  });

  it('names a form in its editor as it is stored, without stray spaces', async () => {
    const page = await pageAs('seller@demo.test', '/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('  Custom sign  ');
    await page.getByLabel('Question').fill('Words');
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Custom sign” (version 1).').isVisible()).toBe(true);
    expect(await page.locator('#editor-title').textContent()).toBe('Edit “Custom sign”');
    expect(await page.getByLabel('Form name').inputValue()).toBe('Custom sign');
    await page.close();
  });
});

describe('the customer’s orders', () => {
  it('lists the orders under way first, and the finished ones after them', async () => {
    const page = await pageAs('ben@demo.test', '/home');
    const active = page.getByRole('list', { name: 'Your orders' });
    const finished = page.getByRole('list', { name: 'Finished orders' });
    await finished.waitFor();
    expect(await finished.locator('.title').allInnerTexts()).toEqual(['Custom stained-glass sun catcher']);
    const activeTitles = await active.locator('.title').allInnerTexts();
    expect(activeTitles).not.toContain('Custom stained-glass sun catcher');
    expect(activeTitles.length).toBeGreaterThan(0);
    // The finished orders come below every order under way.
    expect((await finished.boundingBox())!.y).toBeGreaterThan((await active.boundingBox())!.y);
    await page.close();
  });
});
