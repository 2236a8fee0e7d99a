import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });
const phone = { width: 390, height: 844 };
const seller = 'seller@demo.test';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const form = (page: Page) => page.getByRole('form', { name: 'New order' });

/** Every question the page asks (the browser's confirm), answered with `answer.accept`. */
function questionsOf(page: Page) {
  const asked: string[] = [];
  const answer = { accept: false };
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (answer.accept ? dialog.accept() : dialog.dismiss());
  });
  return { asked, answer };
}

/** Pastes `text` into the focused control the way a person does: the system clipboard, then Ctrl+V. */
async function paste(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

describe('a new order made by hand', () => {
  it('keeps what was typed when New order is pressed again, and closes by Cancel or Escape only once the seller says so, on a phone', async () => {
    const page = await pageAs(seller, '/dashboard', phone);
    const { asked, answer } = questionsOf(page);
    const newOrder = page.getByRole('button', { name: 'New order', exact: true });
    // A double-click opens it, and the typing starts in its first field.
    await newOrder.dblclick();
    await expect.poll(() => form(page).count()).toBe(1);
    await expect.poll(() => focusedId(page)).toBe('new-title');

    // Pressed again, it takes the seller back to the form, with what they typed.
    await page.locator('#new-title').fill('Brass house number');
    await page.locator('#new-name').fill('Dee Ash');
    await newOrder.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('new-title');
    expect(await page.locator('#new-title').inputValue()).toBe('Brass house number');
    expect(await page.locator('#new-name').inputValue()).toBe('Dee Ash');
    expect(asked).toEqual([]);

    // Cancel asks; keeping on keeps everything.
    await form(page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => asked).toEqual(['Discard this new order? What you typed in it has not been saved.']);
    expect(await page.locator('#new-name').inputValue()).toBe('Dee Ash');

    // Escape asks the same, from any field; said yes, the form goes and the keyboard is back on New order.
    await page.locator('#new-name').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => asked.length).toBe(2);
    expect(await page.locator('#new-name').inputValue()).toBe('Dee Ash');
    answer.accept = true;
    await page.keyboard.press('Escape');
    await expect.poll(() => asked.length).toBe(3);
    await expect.poll(() => form(page).count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('new-order');

    // Nothing typed, nothing to ask: Escape and Cancel just close it.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('new-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => form(page).count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('new-order');
    await newOrder.click();
    await form(page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form(page).count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('new-order');
    expect(asked).toHaveLength(3);
    await page.close();
  });

  it('calls its title "Title", as the order page and the error do', async () => {
    const page = await pageAs(seller, '/dashboard');
    await page.getByRole('button', { name: 'New order', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).evaluateAll((all) => all.map((el) => el.id))).toEqual(['new-title']);
    expect(await page.locator('#new-title-hint').innerText()).toBe('What the piece is, as you and the customer call it');
    await page.getByRole('button', { name: 'Create order' }).click();
    await expect.poll(() => page.locator('#new-title-error').innerText()).toBe('An order needs a title.');
    await page.close();
  });

  it('counts the end of the customer’s name and the personalisation, and says what a paste past the limit left out', async () => {
    const page = await pageAs(seller, '/dashboard');
    await page.getByRole('button', { name: 'New order', exact: true }).click();
    // A name pasted past its 120 characters is cut as the title's would be, and said so.
    await page.locator('#new-name').focus();
    await paste(page, 'N'.repeat(130));
    expect(await page.locator('#new-name').inputValue()).toHaveLength(120);
    await expect.poll(() => page.locator('#new-name-cut').allInnerTexts()).toEqual(['Only the first 120 characters you pasted fitted: the last 10 were left out.']);
    expect(await page.locator('#new-name-count').innerText()).toBe('You have reached the limit of 120 characters');
    expect(await page.locator('#new-name').getAttribute('aria-describedby')).toBe('new-name-count new-name-cut');
    await page.locator('#new-name').fill('Dee Ash');
    expect(await page.locator('#new-name-cut').count()).toBe(0);
    // The personalisation counts down its end too.
    await page.locator('#new-personalization').fill('P'.repeat(950));
    expect(await page.locator('#new-personalization-count').innerText()).toBe('50 characters left');
    await page.close();
  });

  it('says a due date it refuses only by its error, not as one that will show overdue', async () => {
    const page = await pageAs(seller, '/dashboard');
    await page.getByRole('button', { name: 'New order', exact: true }).click();
    // A past date that will be taken is said to make the order overdue.
    await page.locator('#new-due').fill('2023-06-01');
    await expect.poll(() => page.locator('#new-due-hint').innerText()).toBe('Jun 1, 2023 has passed: the order will show as overdue.');
    // One that will be refused is not: pressing Create says why, and only that.
    await page.locator('#new-due').fill('2010-01-01');
    await expect.poll(() => page.locator('#new-due-hint').count()).toBe(0);
    await page.locator('#new-title').fill('Brass house number');
    await page.locator('#new-name').fill('Dee Ash');
    await page.locator('#new-email').fill('dee@example.test');
    await page.getByRole('button', { name: 'Create order' }).click();
    await expect.poll(() => page.locator('#new-due-error').innerText()).toMatch(/^Choose a due date within 10 years of today/);
    expect(await page.locator('#new-due-hint').count()).toBe(0);
    expect(await page.locator('#new-due').getAttribute('aria-describedby')).toBe('new-due-error');
    await page.close();
  });

  it('says on the new order that it was created, and how the customer reaches it with no email sent', async () => {
    const page = await pageAs(seller, '/dashboard', phone);
    await page.getByRole('button', { name: 'New order', exact: true }).click();
    await page.locator('#new-title').fill('Oak plant stand');
    await page.locator('#new-name').fill('Flo Byhand');
    await page.locator('#new-email').fill('Flo.Byhand@Example.test');
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.getByRole('heading', { name: 'Oak plant stand', level: 1 }).waitFor();
    const reference = (await page.locator('.page-head .muted.small').first().innerText()).split(' · ')[0];
    expect(reference).toMatch(/^[A-Z0-9]+-[A-Z0-9]{4}$/);
    const said = page.getByRole('status').filter({ hasText: 'created.' });
    await expect
      .poll(() => said.allInnerTexts())
      .toEqual([`Order ${reference} created. No email was sent to Flo Byhand: they can follow it by signing in at ${journey.server.url}/sign-in with flo.byhand@example.test.`]);
    // The customer was indeed sent nothing.
    expect(journey.server.mailbox.list().filter((m) => m.to === 'flo.byhand@example.test')).toEqual([]);
    // Said once: a reload of the order does not say it again.
    await page.reload();
    await page.getByRole('heading', { name: 'Oak plant stand', level: 1 }).waitFor();
    expect(await page.getByText(`Order ${reference} created.`).count()).toBe(0);
    await page.close();
  });

  it('brings a dashboard left open in another tab up to date on return, keeping the seller’s search, sort, scroll and form', async () => {
    const desk = await pageAs(seller, '/dashboard?sort=activity', phone);
    const rows = desk.getByRole('list', { name: 'Orders' }).locator(':scope > li');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const openCount = async () => Number(/^(\d+) open/.exec(await desk.locator('.summary-line').innerText())?.[1]);
    const before = await openCount();
    // Half-typed work on the page stays: a search not yet sent, a new order being written.
    await desk.getByLabel('Search', { exact: true }).fill('walnut');
    await desk.getByRole('button', { name: 'New order', exact: true }).click();
    await desk.locator('#new-title').fill('Half-written order');
    await desk.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const scrolled = await desk.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(300);
    // Watched from now on: the list never gives way to "Loading".
    type Watched = { loadingSeen?: boolean };
    await desk.evaluate(() => {
      new MutationObserver(() => {
        if (document.body.innerText.includes('Loading')) (window as Watched).loadingSeen = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    // Meanwhile, in another tab, an order is made.
    const other = await pageAs(seller, '/dashboard');
    const created = await other.request.post(`${journey.server.url}/api/orders`, { headers: { origin: journey.server.url }, data: { title: 'Made in the other tab', customer: { name: 'Gil Tabs', email: 'gil@example.test' } } });
    expect(created.status()).toBe(201);
    await other.close();

    // The seller comes back to the first tab: hidden, then shown again (headless Chromium switches tabs without saying so).
    await desk.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(openCount).toBe(before + 1);
    await expect.poll(() => rows.first().innerText()).toContain('Made in the other tab');
    expect(await desk.evaluate(() => (window as Watched).loadingSeen)).toBeUndefined();
    expect(new URL(desk.url()).search).toBe('?sort=activity');
    expect(await desk.getByLabel('Search', { exact: true }).inputValue()).toBe('walnut');
    expect(await desk.locator('#new-title').inputValue()).toBe('Half-written order');
    // Still at the foot of the list, not sent back to the top.
    expect(await desk.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(scrolled);
    await desk.close();
  });
});
