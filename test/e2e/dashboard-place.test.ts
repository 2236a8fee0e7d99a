import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();
let context: BrowserContext;
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

/** A page of the seller's, signed in once for the file (sign-in links are limited per address). */
async function sellerPage(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${journey.server.url}${path}`);
  return page;
}

beforeAll(async () => {
  context = await journey.browser.newContext({ viewport: desktop });
  const page = await context.newPage();
  await signInAs(journey, page, 'seller@demo.test');
  // More than two pages of 25 of them, so that "Show more" is needed twice.
  const headers = { origin: journey.server.url };
  for (let i = 1; i <= 55; i++) {
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers,
      data: { title: `Placed order ${String(i).padStart(2, '0')}`, customer: { name: 'Pat Place', email: 'pat@example.test' } },
    });
    expect(created.status()).toBe(201);
  }
  await page.close();
});

const rows = (page: Page) => page.getByRole('list', { name: 'Orders' }).locator(':scope > li');
/** Whether the element is wholly inside the visible part of the page. */
const inView = (page: Page, id: string) =>
  page.locator(`[id="${id}"]`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, visible: document.activeElement?.matches(':focus-visible') }));

/** Presses "Show more" until the list holds more than `atLeast` orders. */
async function showMore(page: Page, atLeast: number) {
  while ((await rows(page).count()) <= atLeast) {
    const before = await rows(page).count();
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(before);
  }
}

describe('back on the dashboard from an order', () => {
  it('shows the same search, every page shown before and the order opened, on a desktop', async () => {
    const page = await sellerPage('/dashboard', desktop);
    await page.locator('#search').fill('placed');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=placed/);
    await expect.poll(() => rows(page).count()).toBe(25);
    await showMore(page, 50);
    const shown = await rows(page).count();
    const address = page.url();

    const opened = rows(page).nth(shown - 3).locator('a');
    const openedId = (await opened.getAttribute('id'))!;
    const title = (await opened.locator('.title').textContent())!.trim();
    await opened.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    await page.goBack();
    await expect.poll(() => rows(page).count()).toBe(shown);
    expect(page.url()).toBe(address);
    expect(await page.locator('#search').inputValue()).toBe('placed');
    await expect.poll(() => inView(page, openedId)).toBe(true);
    // Opened with the mouse: the link has the focus for the keyboard to carry on from, without a ring drawn.
    expect(await focused(page)).toEqual({ id: openedId, visible: false });

    // A reload keeps the place too: the pages are asked for again.
    await page.reload();
    await expect.poll(() => rows(page).count()).toBe(shown);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.close();
  });

  it('takes the keyboard back to the order it opened, on a phone', async () => {
    const page = await sellerPage('/dashboard', phone);
    await expect.poll(() => rows(page).count()).toBe(25);
    await page.getByRole('button', { name: 'Show more' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(25);
    const shown = await rows(page).count();

    const opened = rows(page).nth(30).locator('a');
    const openedId = (await opened.getAttribute('id'))!;
    const title = (await opened.locator('.title').textContent())!.trim();
    await opened.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    await page.goBack();
    await expect.poll(() => focused(page)).toEqual({ id: openedId, visible: true });
    expect(await rows(page).count()).toBe(shown);
    expect(await inView(page, openedId)).toBe(true);
    await page.close();
  });

  it('starts a fresh visit from the menu at the first page, at the top', async () => {
    const page = await sellerPage('/dashboard', phone);
    await expect.poll(() => rows(page).count()).toBe(25);
    await showMore(page, 25);
    const opened = rows(page).nth(40).locator('a');
    const title = (await opened.locator('.title').textContent())!.trim();
    await opened.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders', exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await expect.poll(() => rows(page).count()).toBe(25);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('takes "All orders" on an order back to the list the seller came from: its tab and search', async () => {
    const page = await sellerPage('/dashboard?status=requested&q=placed', phone);
    await expect.poll(() => rows(page).count()).toBe(25);
    const opened = rows(page).first().locator('a');
    const title = (await opened.locator('.title').textContent())!.trim();
    await opened.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByRole('link', { name: '← All orders' }).click();
    await page.waitForURL(/\/dashboard\?/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ status: 'requested', q: 'placed' });
    expect(await page.locator('#search').inputValue()).toBe('placed');
    // On a phone the status tabs are one select.
    await expect.poll(() => page.getByLabel('Status', { exact: true }).inputValue()).toBe('requested');
    await page.close();
  });
});
