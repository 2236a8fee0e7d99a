import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emailedLink, signInAs, useJourney } from '#test/helpers/journey.ts';
import { holdFirstAnswer } from '#test/helpers/hold-answers.ts';
import { fixture, sendProof } from '#test/helpers/proofs.ts';

const journey = useJourney();
let sellerContext: BrowserContext | undefined;

/** A page signed in as the demo seller (once per file: sign-in links are limited per address). */
async function sellerPage(path: string): Promise<Page> {
  if (!sellerContext) {
    sellerContext = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signInAs(journey, await sellerContext.newPage(), 'seller@demo.test');
  }
  const page = await sellerContext.newPage();
  await page.goto(`${journey.server.url}${path}`);
  return page;
}

/** Orders "Bulk order <from>" to "Bulk order <to>", made through the API as the signed-in seller. */
async function createOrders(page: Page, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers: { origin: journey.server.url },
      data: { title: `Bulk order ${String(i).padStart(2, '0')}`, customer: { name: 'Cy Bulk', email: 'cy@example.test' } },
    });
    expect(created.status()).toBe(201);
  }
}

/** Every change `page` asks of the server from now on, as "METHOD path" with its ids as :id. */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname.replace(/[a-z0-9]{16}/g, ':id')}`);
  });
  return writes;
}

const rowTitles = (page: Page) => page.getByRole('list', { name: 'Orders' }).locator('.title').allInnerTexts();

/** The seller's daily desk beyond the first journeys: finding orders, holding and cancelling, threads, forms. */
describe('the seller’s desk', () => {
  it('finds orders: more than a page, by text, by due date, by latest activity, by status, and on the board', async () => {
    const page = await sellerPage('/dashboard');
    await page.locator('.order-list').waitFor();
    // 26 more requests: the open orders no longer fit one page of 25.
    await createOrders(page, 1, 26);
    await page.reload();
    await page.locator('.order-list').waitFor();
    await expect.poll(() => rowTitles(page).then((t) => t.length)).toBe(25);
    // A double tap asks for the next page once.
    await page.getByRole('button', { name: 'Show more' }).dblclick();
    await expect.poll(() => rowTitles(page).then((t) => t.length)).toBeGreaterThan(25);
    const all = await rowTitles(page);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((t) => t.startsWith('Bulk order'))).toHaveLength(26);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);

    // The search bar's labels start on one line and its controls line up, on a desktop.
    const controlTops = await page.locator('.toolbar').evaluate((bar) => [...bar.querySelectorAll('label, input, select, button')].map((e) => `${e.tagName === 'LABEL' ? 'label' : 'control'} ${Math.round(e.getBoundingClientRect().top)}`));
    expect(new Set(controlTops).size, controlTops.join(', ')).toBe(2);
    await page.getByLabel('Search').fill('Bulk order 07');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Bulk order 07']);
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Search' }).click();

    // Due before a date: only orders due earlier, the undated ones left out.
    const limit = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Due before').fill(limit);
    await expect.poll(() => page.url()).toContain(`dueBefore=${limit}`);
    // The list, once it has reloaded: some orders, each due before the date.
    const before = Date.parse(`${limit}T12:00`);
    const dueBefore = (text: string) => {
      const shown = /Due (\w{3} \d{1,2}, \d{4})/.exec(text)?.[1];
      return shown !== undefined && Date.parse(`${shown} 12:00`) < before;
    };
    await expect
      .poll(async () => {
        const texts = await page.getByRole('list', { name: 'Orders' }).locator('.side .muted').allInnerTexts();
        return texts.length > 0 && texts.every(dueBefore);
      })
      .toBe(true);
    expect((await rowTitles(page)).some((t) => t.startsWith('Bulk order'))).toBe(false);
    await page.getByLabel('Due before').fill('');
    await expect.poll(() => page.url()).not.toContain('dueBefore');

    // The newest activity first: the last order made.
    await page.getByLabel('Sort by').selectOption('activity');
    await expect.poll(() => rowTitles(page).then((t) => t[0])).toBe('Bulk order 26');

    await page.getByRole('tab', { name: /On hold/ }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Engraved wooden toy box']);

    // The board holds every open order, by status.
    await page.getByRole('button', { name: 'Board view' }).click();
    // The button now names the way back, as a plain button: not a pressed toggle heard as "List view, pressed".
    const toList = page.getByRole('button', { name: 'List view', exact: true });
    await toList.waitFor();
    expect(await toList.getAttribute('aria-pressed')).toBeNull();
    const requested = page.locator('.board section').filter({ has: page.getByRole('heading', { name: /^Requested/ }) });
    await expect.poll(() => requested.locator('a.card').count()).toBe(28);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // A shop with more open orders than the board asks for at once (100) pages it.
    await createOrders(page, 27, 89);
    await page.reload();
    await expect.poll(() => page.locator('.board a.card').count()).toBe(100);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => requested.locator('a.card').count()).toBe(91);
    expect(await page.locator('.board a.card').count()).toBe(101);
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    await requested.getByRole('link', { name: /Bulk order 01/ }).click();
    await page.getByRole('heading', { name: 'Bulk order 01', level: 1 }).waitFor();
    await page.close();
  }, 120_000);

  it('shows the tab the seller chose last, even when an earlier tab’s answer comes back after it', async () => {
    const page = await sellerPage('/dashboard');
    await page.locator('.order-list').waitFor();
    // The Requested tab's answer is held back until the seller has moved on to On hold.
    const requested = await holdFirstAnswer(page, (url) => url.pathname === '/api/orders' && url.searchParams.get('status') === 'requested');
    await page.getByRole('tab', { name: /Requested/ }).click();
    await page.getByRole('tab', { name: /On hold/ }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Engraved wooden toy box']);
    await requested.release();
    expect(await rowTitles(page)).toEqual(['Engraved wooden toy box']);
    expect(await page.getByRole('tab', { selected: true }).innerText()).toMatch(/^On hold/);
    // A tab changes only the query: the focus stays on it (it is not a new page).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^On hold/);
    await page.close();
  });

  it('chooses a status tab with the arrow keys, and Tab goes on to the search', async () => {
    const page = await sellerPage('/dashboard');
    await page.locator('.order-list').waitFor();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const selected = page.getByRole('tab', { selected: true });
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('status=requested');
    expect(await focusedText()).toMatch(/^Requested/);
    await expect.poll(() => selected.innerText()).toMatch(/^Requested/);
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toContain('status=cancelled');
    expect(await focusedText()).toMatch(/^Cancelled/);
    // Past the last, the first; before the first, the last.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).not.toContain('status=');
    expect(await focusedText()).toMatch(/^All open/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.url()).toContain('status=cancelled');
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).not.toContain('status=');
    // Only the chosen tab is in the Tab order: the next stop is the search.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.close();
  });

  it('shows the order after the seller’s last action, even when the reload of an earlier one comes back after it', async () => {
    const page = await sellerPage('/dashboard?status=awaiting_approval');
    await page.getByRole('link', { name: /Pet portrait coasters/ }).click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const orderPath = new URL(page.url()).pathname;
    // The reload after putting the order on hold is answered, then held back until a comment is added.
    const reload = await holdFirstAnswer(page, (url) => url.pathname === `/api${orderPath}`);
    await page.getByRole('button', { name: 'Move to On hold' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => reload.isHeld()).toBe(true);
    await page.getByLabel('Comment on this proof').first().fill('Ears a touch rounder, as in the photo.');
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await expect.poll(() => page.getByText('Ears a touch rounder, as in the photo.').count()).toBeGreaterThan(0);
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('On hold');
    await reload.release();
    expect(await page.getByText('Ears a touch rounder, as in the photo.').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps what the seller typed when the session ends under the page, and takes it once signed in again in another tab', async () => {
    // Its own browser: signing out here must not sign out the other journeys of this file.
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInAs(journey, page, 'seller@demo.test');
    // All open orders: the journey before this one may have put it on hold.
    await page.goto(`${journey.server.url}/dashboard`);
    await page.getByRole('link', { name: /Pet portrait coasters/ }).click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const orderPath = new URL(page.url()).pathname;
    const comment = page.getByLabel('Comment on this proof').first();
    await comment.fill('The second coaster’s border a shade lighter.');

    // Signed out in another tab: the page stays, with the comment, and says how to go on.
    const other = await context.newPage();
    await other.goto(`${journey.server.url}/dashboard`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(/\/sign-in$/);
    await page.bringToFront();
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'You have been signed out.' }).isVisible()).toBe(true);
    expect(page.url()).toContain(orderPath);
    expect(await comment.inputValue()).toBe('The second coaster’s border a shade lighter.');
    const again = page.locator('.session-ended').getByRole('link', { name: 'Sign in again in a new tab' });
    expect(await again.getAttribute('target')).toBe('_blank');
    expect(await again.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(orderPath)}`);

    // The link, followed in its tab, signs in and lands on this order; back here, the page takes the new session.
    const [signIn] = await Promise.all([context.waitForEvent('page'), again.click()]);
    await signIn.getByLabel('Email address').fill('seller@demo.test');
    await signIn.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await signIn.waitForURL(/\/sign-in\/sent/);
    await signIn.goto(emailedLink(journey, 'seller@demo.test'));
    await signIn.getByRole('button', { name: 'Continue to Atelier' }).click();
    await signIn.waitForURL((u) => u.pathname === orderPath);
    await page.bringToFront();
    // Headless, every tab counts as focused and visible: the window event that switching back fires is sent by hand.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.locator('.session-ended').count()).toBe(0);
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await expect.poll(() => page.locator('.threads').getByText('The second coaster’s border a shade lighter.').count()).toBe(1);
    await context.close();
  });

  it('closes a step’s form that someone else’s change has taken away, and says in words why', async () => {
    const page = await sellerPage('/dashboard');
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers: { origin: journey.server.url },
      data: { title: 'Slate house sign', customer: { name: 'Cy Bulk', email: 'cy@example.test' } },
    });
    const { orderId } = (await created.json()) as { orderId: string };
    await page.goto(`${journey.server.url}/orders/${orderId}`);
    await page.getByRole('button', { name: 'Move to Quoted' }).click();
    await page.getByLabel(/quote/i).first().fill('£85, ready in three weeks.');
    // Meanwhile, from another tab, the order is put on hold.
    const { order } = (await (await page.request.get(`${journey.server.url}/api/orders/${orderId}`)).json()) as { order: { version: number } };
    const held = await page.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers: { origin: journey.server.url }, data: { to: 'on_hold', version: order.version } });
    expect(held.status()).toBe(200);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('.page-head .badge').first().innerText()).toBe('On hold');
    expect(await page.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    expect(await page.locator('textarea#reason').count()).toBe(0);
    expect(await page.getByRole('alert').allInnerTexts()).toEqual(['This order is On hold now, so it cannot move to Quoted. It can move to Requested or Cancelled.']);
    await page.close();
  });

  it('says in words what to fix, and keeps the search box, the address and the list in step', async () => {
    // An emptied number of rounds is not saved as 0.
    const page = await sellerPage('/settings');
    const rounds = page.getByLabel('Free revision rounds per order');
    await expect.poll(() => rounds.inputValue()).not.toBe('');
    const before = await rounds.inputValue();
    await rounds.fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Enter a whole number of rounds, from 0 to 20.').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('revision-allowance');
    await page.reload();
    await expect.poll(() => rounds.inputValue()).toBe(before);

    // The API's refusal, without the field paths meant for programs.
    await page.goto(`${journey.server.url}/dashboard`);
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-title').fill('Oak coat rack');
    await page.getByLabel('Customer name').fill('Dee Ash');
    await page.getByLabel('Customer email').fill('dee@example');
    await page.getByRole('button', { name: 'Create order' }).click();
    // Said beside the field it is about, which takes the keyboard; Cancel gives it back to New order.
    await expect.poll(() => page.locator('#new-email-error').allInnerTexts()).toEqual(['Enter a valid email address.']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-email');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-order');

    // Back brings back an earlier search, in the box as in the list.
    for (const text of ['Biscuit', 'Nonna']) {
      await page.getByLabel('Search').fill(text);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => rowTitles(page).then((titles) => titles.length === 1 && titles[0]!.includes(text))).toBe(true);
    }
    await page.goBack();
    await expect.poll(() => rowTitles(page).then((titles) => titles.join())).toContain('Biscuit');
    expect(await page.getByLabel('Search').inputValue()).toBe('Biscuit');

    // An address that cannot be an order's says so plainly.
    await page.goto(`${journey.server.url}/orders/not-an-order`);
    await expect.poll(() => page.getByText('This order does not exist, or it is not yours to see.').isVisible()).toBe(true);
    // A page of its own, named as one in the tab and to a screen reader.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Order not found');
    await expect.poll(() => page.title()).toBe('Order not found · Atelier');
    // A link sent to another address opens for that address only: the page says which one is signed in.
    expect(await page.getByText('You are signed in as seller@demo.test.').isVisible()).toBe(true);
    await page.close();
  });

  it('shows a phone what a step did when its button goes with the step, and keeps the keyboard there', async () => {
    const page = await sellerPage('/dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers: { origin: journey.server.url },
      data: { title: 'Oak plant stand', customer: { name: 'Cy Bulk', email: 'cy@example.test' } },
    });
    const { orderId } = (await created.json()) as { orderId: string };
    await page.goto(`${journey.server.url}/orders/${orderId}`);
    const hold = page.getByRole('button', { name: 'Move to On hold' });
    await hold.scrollIntoViewIfNeeded();
    await hold.click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Moved to On hold.');
    const seen = await page.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(seen).toBe(true);
    await page.close();
  });

  it('tells someone already signed in who they are on the sign-in page, with the way back in', async () => {
    const page = await sellerPage('/sign-in?next=%2Fsettings');
    await expect.poll(() => page.getByText('You are signed in as seller@demo.test.', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Go on as seller@demo.test' }).getAttribute('href')).toBe('/settings');
    await page.goto(`${journey.server.url}/sign-in`);
    expect(await page.getByRole('link', { name: 'Go on as seller@demo.test' }).getAttribute('href')).toBe('/dashboard');
    await page.close();
  });

  it('adds a comment, saves details and saves a form once per press, however fast the taps', async () => {
    const page = await sellerPage('/dashboard?status=awaiting_approval');
    const writes = recordWrites(page);
    await page.getByRole('link', { name: /Nonna/ }).click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await page.getByLabel('Comment on this proof').first().fill('Oiled twice before it ships.');
    await page.getByRole('button', { name: 'Add comment' }).first().dblclick();
    await expect.poll(() => page.getByText('Comment added.').isVisible()).toBe(true);
    await page.getByLabel('Notes').fill('Gift wrap in brown paper.');
    await page.getByRole('button', { name: 'Save details' }).dblclick();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).isVisible()).toBe(true);

    await page.goto(`${journey.server.url}/forms`);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Twice-tapped sign');
    await page.getByLabel('Question').fill('Words');
    await page.getByRole('button', { name: 'Save form' }).dblclick();
    await expect.poll(() => page.getByText('Saved “Twice-tapped sign” (version 1).').isVisible()).toBe(true);
    expect(writes).toEqual(['POST /api/orders/:id/designs/:id/comments', 'PATCH /api/orders/:id', 'POST /api/shop/intake-forms']);
    await page.close();
  });

  it('holds an order and takes it back to where it was, and cancels one with its reason on record', async () => {
    const page = await sellerPage('/dashboard?status=in_production');
    await page.getByRole('link', { name: /Embroidered baby blanket/ }).click();
    await page.getByRole('heading', { name: /Embroidered baby blanket/, level: 1 }).waitFor();
    // What was done is said in a live region already on the page, which screen readers announce.
    type WithRegion = { region: Element | null };
    await page.evaluate(() => void ((window as unknown as WithRegion).region = document.querySelector('[role=status].announcement')));
    await page.getByRole('button', { name: 'Move to On hold' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('Moved to On hold.').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as WithRegion).region?.isConnected && (window as unknown as WithRegion).region?.textContent)).toBe('Moved to On hold.');
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('On hold');
    await page.getByRole('button', { name: 'Move to In production' }).click();
    await expect.poll(() => page.getByText('Moved to In production.').isVisible()).toBe(true);
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('In production');
    await expect.poll(() => page.locator('.timeline li').first().innerText()).toMatch(/^Moved from On hold to In production\n/);

    await page.goto(`${journey.server.url}/dashboard?status=in_design`);
    await page.getByRole('link', { name: /house-number plaque/ }).click();
    await page.getByRole('heading', { name: /house-number plaque/, level: 1 }).waitFor();
    const cancel = page.getByRole('button', { name: 'Cancel order' });
    await cancel.click();
    expect(await cancel.getAttribute('aria-expanded')).toBe('true');
    // No reason, no cancellation: the field says so.
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('#reason-error').allInnerTexts()).toEqual(['Give a reason for cancelling: the customer reads it.']);
    await page.getByLabel('Why is it cancelled?').fill('The customer found a plaque locally');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('Moved to Cancelled.').isVisible()).toBe(true);
    expect(await page.getByText('This order is closed.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.timeline li').first().innerText()).toMatch(/^Moved from In design to Cancelled \(The customer found a plaque locally\)\n/);
    await page.close();
  });

  it('keeps what the seller typed when someone else saved the order first, and then saves both', async () => {
    const mine = await sellerPage('/dashboard?status=approved');
    await mine.getByRole('link', { name: /linen napkins/ }).click();
    await mine.getByRole('heading', { name: /linen napkins/, level: 1 }).waitFor();
    const theirs = await sellerContext!.newPage();
    await theirs.goto(mine.url());
    // Notes are not private: the seller is told before writing them.
    expect(await mine.getByText('The customer reads these on their order too.').isVisible()).toBe(true);
    await mine.getByLabel('Notes').fill('Pack with tissue paper');
    await theirs.getByLabel('Title').fill('Monogrammed linen napkins (12), ivory');
    await theirs.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => theirs.getByText('Saved.').isVisible()).toBe(true);

    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => mine.getByText(/^Someone changed this order while you were editing\. Your changes are kept in the fields above/).isVisible()).toBe(true);
    await expect.poll(() => mine.getByLabel('Title').inputValue()).toBe('Monogrammed linen napkins (12), ivory');
    expect(await mine.getByLabel('Notes').inputValue()).toBe('Pack with tissue paper');
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => mine.getByText('Saved.').isVisible()).toBe(true);
    await mine.reload();
    await expect.poll(() => mine.getByLabel('Title').inputValue()).toBe('Monogrammed linen napkins (12), ivory');
    expect(await mine.getByLabel('Notes').inputValue()).toBe('Pack with tissue paper');
    await theirs.close();
    await mine.close();
  });

  it('keeps the settings a seller typed when someone else saved first, says what theirs were, and saves', async () => {
    const mine = await sellerPage('/settings');
    const theirs = await sellerContext!.newPage();
    await theirs.goto(`${journey.server.url}/settings`);
    await mine.getByLabel(/Message past the free rounds/).fill('Extra rounds: see the Paid revision listing.');
    await theirs.getByLabel(/Free revision rounds per order/).waitFor();
    await theirs.getByLabel(/Free revision rounds per order/).fill('3');
    await theirs.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => theirs.getByText(/^Saved\./).isVisible()).toBe(true);

    await mine.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => mine.getByText(/^Someone changed these settings meanwhile \(now 3 free rounds\)\. Yours are still below: save again to use them\./).isVisible()).toBe(true);
    expect(await mine.getByLabel(/Message past the free rounds/).inputValue()).toBe('Extra rounds: see the Paid revision listing.');
    // Saved from the keyboard, the focus is still on the button afterwards.
    await mine.getByRole('button', { name: 'Save settings' }).focus();
    await mine.keyboard.press('Enter');
    await expect.poll(() => mine.getByText(/^Saved\./).isVisible()).toBe(true);
    expect(await mine.evaluate(() => document.activeElement?.textContent)).toBe('Save settings');
    await theirs.reload();
    await expect.poll(() => theirs.getByLabel(/Message past the free rounds/).inputValue()).toBe('Extra rounds: see the Paid revision listing.');
    await theirs.close();
    await mine.close();
  });

  it('answers a thread, resolves and reopens it, and keeps a reply that could not be sent', async () => {
    const page = await sellerPage('/dashboard?status=awaiting_approval');
    await page.getByRole('link', { name: /Nonna/ }).click();
    await page.getByText('Comments on v1 (2)').click();
    const thread = page.locator('.threads article').first();
    const reply = thread.getByRole('textbox', { name: /^Reply to / });
    await reply.fill('We will make the name 20% larger.');
    // Offline: the reply is refused where it was typed, and kept.
    await page.context().setOffline(true);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => thread.getByText('Atelier cannot be reached.', { exact: false }).isVisible()).toBe(true);
    expect(await reply.inputValue()).toBe('We will make the name 20% larger.');
    await page.context().setOffline(false);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => page.getByText('Reply added.').isVisible()).toBe(true);
    await expect.poll(() => thread.locator('.reply').last().innerText()).toBe('Shop: We will make the name 20% larger.');
    expect(await reply.inputValue()).toBe('');

    // From the keyboard: the focus stays on the button while its request is on its way, and after.
    await thread.getByRole('button', { name: 'Resolve' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Thread resolved.').isVisible()).toBe(true);
    await expect.poll(() => thread.getByText('Resolved', { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reopen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Thread reopened.').isVisible()).toBe(true);
    await expect.poll(() => thread.getByText('Resolved', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Resolve');
    await page.close();
  });

  it('says which file the server refused and why, and lets an upload on its way be cancelled', async () => {
    const page = await sellerPage('/dashboard?status=in_design');
    await page.getByRole('link', { name: /Wedding favour candles/ }).click();
    await page.getByRole('heading', { name: 'Send a proof' }).waitFor();
    const files = page.getByRole('list', { name: 'Files' });
    const input = page.locator('.dropzone input[type=file]');
    // A web page named .png: refused by the check of its bytes the server also makes, before it is sent.
    await input.setInputFiles({ name: 'artwork.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    const refused = files.getByRole('listitem').filter({ hasText: 'artwork.png' });
    await expect.poll(() => refused.locator('.error').innerText()).toBe('Only images (PNG, JPEG, WebP, GIF), PDF, SVG, AI and EPS files can be sent: this file is none of these.');
    expect(await page.getByRole('checkbox', { name: 'In this proof' }).count()).toBe(0);
    await refused.getByRole('button', { name: 'Remove artwork.png' }).click();
    expect(await refused.count()).toBe(0);

    // An upload held on its way to storage is cancelled from its own line, which then goes.
    await page.route((url) => !url.pathname.startsWith('/api/'), async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await route.continue().catch(() => undefined);
    });
    await input.setInputFiles({ name: 'big-proof.png', mimeType: 'image/png', buffer: readFileSync(fixture('proof-v2.png')) });
    const held = files.getByRole('listitem').filter({ hasText: 'big-proof.png' });
    await held.getByRole('progressbar', { name: 'Uploading big-proof.png' }).waitFor();
    await held.getByRole('button', { name: 'Cancel big-proof.png' }).click();
    await expect.poll(() => held.count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'In this proof' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Send proof/ }).click();
    await page.getByText('Choose at least one file for this version.').waitFor();
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // A proof that cannot be sent says so beside its button, in sight, below a long list of files.
    await page.setViewportSize({ width: 390, height: 844 });
    await input.setInputFiles(fixture('proof-v1.png'));
    const send = page.getByRole('button', { name: /^Send proof/ });
    await expect.poll(() => page.getByRole('checkbox', { name: 'In this proof: proof-v1.png' }).isChecked()).toBe(true);
    await page.context().setOffline(true);
    await send.click();
    const failed = page.getByRole('alert').filter({ hasText: 'Atelier cannot be reached.' });
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
    await page.context().setOffline(false);
    await page.close();
  });

  it('marks a change asked past the free revision rounds for the shop to decide on, and tells the customer before they ask', async () => {
    const seller = await sellerPage('/settings');
    await seller.getByLabel(/Free revision rounds per order/).fill('1');
    // The shop's own terms, on two lines, with the listing a customer buys another round from.
    await seller.getByLabel(/Message past the free rounds/).fill('Further rounds are paid.\nBuy one here: https://shop.example.test/extra-round');
    await seller.locator('form').getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => seller.getByText(/^Saved\. New orders include these terms/).isVisible()).toBe(true);
    const created = await seller.request.post(`${journey.server.url}/api/orders`, {
      headers: { origin: journey.server.url },
      data: { title: 'Engraved fountain pen', customer: { name: 'Ben Okafor', email: 'ben@demo.test' } },
    });
    const orderUrl = `${journey.server.url}/orders/${((await created.json()) as { orderId: string }).orderId}`;
    await seller.goto(orderUrl);
    await seller.getByRole('button', { name: 'Move to Quoted' }).click();
    // The quote is the seller's to write or not (some quote on Etsy).
    await seller.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => seller.getByText('Moved to Quoted.').isVisible()).toBe(true);
    // Sent with a double tap: one version, not two.
    await sendProof(seller, 'proof-v1.png', 1, { press: 'dblclick' });
    await expect.poll(() => seller.locator('.versions > li').count()).toBe(1);
    expect(await seller.locator('form[aria-label="Send a proof"] .notice').allInnerTexts()).toEqual([]);

    const customer = await (await journey.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.goto(orderUrl);
    await customer.getByRole('heading', { name: 'Your decision on v1' }).waitFor();
    expect(await customer.getByText('Revision rounds: 0 used; 1 included free.').isVisible()).toBe(true);
    expect(await customer.locator('.decide .notice').count()).toBe(0);
    // Asking for changes says what should change: an empty request is not sent, and the note takes the keyboard.
    const writes = recordWrites(customer);
    await customer.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => customer.getByText('Say what should change, so the shop can make it.').isVisible()).toBe(true);
    expect(await customer.evaluate(() => document.activeElement?.id)).toBe('decision-note');
    expect(writes).toEqual([]);
    await customer.keyboard.type('Rounder corners.');
    await customer.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => customer.getByText('Your change request was sent to the shop.').isVisible()).toBe(true);

    await seller.reload();
    await expect.poll(() => seller.locator('.versions > li').count()).toBe(1);
    await sendProof(seller, 'proof-v2.png', 2);
    await customer.reload();
    await customer.getByRole('heading', { name: 'Your decision on v2' }).waitFor();
    // The free round is used: the customer reads the shop's terms before asking again.
    expect(await customer.getByText('Revision rounds: 1 used; 1 included free.').isVisible()).toBe(true);
    expect(await customer.locator('.decide .notice').innerText()).toBe('Further rounds are paid.\nBuy one here: https://shop.example.test/extra-round');
    expect(await customer.locator('.decide .notice').getByRole('link').getAttribute('href')).toBe('https://shop.example.test/extra-round');
    await customer.getByLabel('Note for the shop').fill('Smaller text on the back.');
    await customer.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => customer.getByText('Your change request was sent to the shop.').isVisible()).toBe(true);
    await expect.poll(() => customer.locator('.versions > li').first().innerText()).toMatch(/Past the free rounds\s+Asked after the free revision rounds: the shop’s terms for extra rounds apply\./);

    // The shop sees the count, which request went past it, and that the call is theirs.
    await seller.reload();
    await expect.poll(() => seller.getByText('Revision rounds: 2 used; 1 included free.').isVisible()).toBe(true);
    expect(await seller.locator('.versions > li').first().innerText()).toMatch(/Past the free rounds\s+Asked after the free revision rounds: yours to decide whether this one is charged\./);
    expect(await seller.locator('.versions > li').nth(1).getByText('Past the free rounds').count()).toBe(0);
    expect(await seller.locator('.timeline li').first().innerText()).toMatch(/^Changes requested on proof v2 \(past the free rounds\)\n/);
    expect((await seller.locator('.timeline li').allInnerTexts()).filter((t) => /^Changes requested on proof v1\n/.test(t))).toHaveLength(1);
    await customer.context().close();
    await seller.close();
  }, 120_000);

  it('takes a choice field’s options one per line, blank lines left out, as the customer then sees them', async () => {
    const page = await sellerPage('/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Wood choice');
    await page.getByLabel('Question').fill('Name on the board');
    await page.getByLabel('New field’s type').selectOption({ label: 'Single choice' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Question').nth(1).fill('Wood');
    // A refusal names the field as the builder shows it, not by its place in the data, beside Save.
    await page.getByLabel('Options').fill('Oak\nOak');
    await page.getByRole('button', { name: 'Save form' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Field 2 (“Wood”): “Oak” is listed twice.' });
    await expect.poll(() => refused.isVisible()).toBe(true);
    expect(await refused.evaluate((el) => el.nextElementSibling?.textContent)).toContain('Save form');
    // As people type a list: a blank line between, a new line at the end. The preview shows what customers will get.
    await page.getByLabel('Options').fill('Oak\n\nWalnut\n');
    await expect.poll(() => page.locator('.preview-frame').getByRole('radio').count()).toBe(2);
    // A limit past what the server takes is said in words, and the preview never promises more.
    await page.getByLabel('New field’s type').selectOption({ label: 'Files (photos, sketches)' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Question').nth(2).fill('Photos');
    await page.getByLabel('Most files (1 to 10)').fill('20');
    await expect.poll(() => page.locator('.preview-frame').getByText('Up to 10 files', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Field 3 (“Photos”): Most files is from 1 to 10.' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Remove field 3' }).click();
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Wood choice” (version 1).').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Options').inputValue()).toBe('Oak\nWalnut');

    const visitor = await journey.browser.newPage();
    await visitor.goto(`${journey.server.url}/s/demo`);
    await visitor.getByRole('link', { name: 'Wood choice' }).click();
    const wood = visitor.getByRole('group', { name: /Wood/ });
    await expect.poll(() => wood.getByRole('radio').count()).toBe(2);
    expect(await wood.locator('label').allInnerTexts()).toEqual(['Oak', 'Walnut']);
    await visitor.close();
    await page.close();
  });

  it('moves and removes a form’s fields from the keyboard, the focus going with the field', async () => {
    const page = await sellerPage('/forms');
    // The editor opens with the keyboard in its first field.
    await page.getByRole('button', { name: 'New form' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('form-name');
    await page.getByLabel('Form name').fill('Keyboard sign');
    await page.getByLabel('Question').fill('A');
    const questions = () => page.getByLabel('Question').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
    for (const [index, question] of ['B', 'C'].entries()) {
      await page.getByRole('button', { name: 'Add field' }).click();
      await expect.poll(focused).toBe(`fe-${index + 1}-label`);
      await page.keyboard.type(question);
    }
    expect(await questions()).toEqual(['A', 'B', 'C']);

    // Enter, Enter: the same field goes on down; at the bottom, the focus is on its way back up.
    await page.getByRole('button', { name: 'Move field 1 down' }).focus();
    await page.keyboard.press('Enter');
    expect(await questions()).toEqual(['B', 'A', 'C']);
    await expect.poll(focused).toBe('Move field 2 down');
    await page.keyboard.press('Enter');
    expect(await questions()).toEqual(['B', 'C', 'A']);
    await expect.poll(focused).toBe('Move field 3 up');
    await page.keyboard.press('Enter');
    expect(await questions()).toEqual(['B', 'A', 'C']);
    await expect.poll(focused).toBe('Move field 2 up');

    // Removing lands on its Undo, never on another Remove button (test/e2e/form-field-undo.test.ts).
    await page.getByRole('button', { name: 'Remove field 2' }).focus();
    await page.keyboard.press('Enter');
    expect(await questions()).toEqual(['B', 'C']);
    await expect.poll(focused).toBe('removed-field-undo');
    await page.getByRole('button', { name: 'Remove field 2' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('removed-field-undo');
    await page.getByRole('button', { name: 'Remove field 1' }).focus();
    await page.keyboard.press('Enter');
    expect(await questions()).toEqual([]);
    await expect.poll(focused).toBe('removed-field-undo');
    // On a busy machine the frame after a render comes late: the type just picked has its render's
    // effects still waiting when Add field is pressed, and the new question must get the focus all the same.
    await page.evaluate(async () => {
      window.requestAnimationFrame = () => 0;
      const type = document.getElementById('add-field') as HTMLSelectElement;
      type.value = 'number';
      type.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((drawn) => setTimeout(drawn, 0));
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Add field')!.click();
    });
    await expect.poll(focused).toBe('fe-0-label');
    expect(await page.locator('fieldset.builder-field strong').first().innerText()).toBe('1. Number');
    // Closed, the keyboard is back on the button that opened it.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-form');
    await page.close();
  });

  it('asks before leaving a page that holds unsaved work, and lets it go once saved', async () => {
    const page = await sellerPage('/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake forms' }).click();
    const asked: string[] = [];
    let answer = false;
    page.on('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Leaving sign');
    await page.getByLabel('Question').fill('Words');

    // A link elsewhere in the portal asks; staying keeps the form as typed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => asked).toEqual(['confirm: Leave this page? What you typed here has not been saved or sent.']);
    expect(new URL(page.url()).pathname).toBe('/forms');
    expect(await page.getByLabel('Form name').inputValue()).toBe('Leaving sign');
    // So does the browser's Back, which the page cannot stop: staying puts the page's address back.
    await page.goBack();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe(asked[0]);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forms');
    expect(await page.getByLabel('Form name').inputValue()).toBe('Leaving sign');
    // Closing the tab or reloading asks the browser's own question.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length).toBe(3);
    expect(asked[2]).toMatch(/^beforeunload:/);
    expect(page.isClosed()).toBe(false);

    // Saved, nothing is asked; leaving anyway goes.
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Leaving sign” (version 1).').isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.goBack();
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Left behind');
    answer = true;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    expect(asked).toHaveLength(4);

    // Said once is enough, even while the page left is still drawn. A comment being written on an order holds the page too.
    answer = false;
    await page.goto(`${journey.server.url}/settings`);
    expect(asked).toHaveLength(4);
    // A new order being written stays open across the dashboard's tabs; Back past them asks.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('tab', { name: /On hold/ }).waitFor();
    // As the dashboard opens for this seller (it keeps their view).
    const dashboard = page.url();
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-title').fill('Walnut bookends');
    await page.getByRole('tab', { name: /On hold/ }).click();
    await expect.poll(() => page.url()).toContain('status=on_hold');
    await page.getByRole('tab', { name: /All open/ }).click();
    await expect.poll(() => page.url()).not.toContain('status=');
    expect(asked).toHaveLength(4);
    await page.goBack();
    await expect.poll(() => page.url()).toContain('status=on_hold');
    await page.goBack();
    await expect.poll(() => page.url()).toBe(dashboard);
    expect(asked).toHaveLength(4);
    await page.goBack();
    await expect.poll(() => asked.length).toBe(5);
    await expect.poll(() => page.url()).toBe(dashboard);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toBe('Shop settings');
    expect(await page.locator('#new-title').inputValue()).toBe('Walnut bookends');
    // Cancel asks before what was typed goes.
    answer = true;
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => asked.length).toBe(6);
    await expect.poll(() => page.locator('#new-title').count()).toBe(0);
    answer = false;
    await page.getByRole('link', { name: /Nonna/ }).click();
    await page.getByLabel('Comment on this proof').first().fill('Half a size larger?');
    await page.getByRole('link', { name: '← All orders' }).click();
    await expect.poll(() => asked.length).toBe(7);
    expect(await page.getByLabel('Comment on this proof').first().inputValue()).toBe('Half a size larger?');
    await page.close();
  });

  it('saves a form after a field is removed and another added, and asks before closing unsaved changes', async () => {
    const page = await sellerPage('/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Door sign');
    await page.getByLabel('Question').fill('Words');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Question').nth(1).fill('Colour of the letters');
    await page.getByRole('button', { name: 'Remove field 1' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Question').nth(1).fill('Words on the sign');
    await page.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => page.getByText('Saved “Door sign” (version 1).').isVisible()).toBe(true);

    // Saved: Close closes. Changed: it asks, and keeping on editing keeps the change.
    await page.getByLabel('Form name').fill('Door sign, painted');
    const close = page.getByRole('button', { name: 'Close', exact: true });
    await close.click();
    await expect.poll(() => page.getByText('This form has changes that are not saved. Close it and lose them?').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    expect(await page.getByLabel('Form name').inputValue()).toBe('Door sign, painted');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await close.click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    const listed = page.getByRole('list', { name: 'Your forms' }).locator('.title');
    await expect.poll(() => listed.allInnerTexts()).toContain('Door sign');
    expect(await listed.allInnerTexts()).not.toContain('Door sign, painted');
    await page.getByRole('button', { name: 'Edit Door sign' }).click();
    expect(await page.getByLabel('Question').count()).toBe(2);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('list', { name: 'Your forms' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Edit Door sign');
    await page.close();
  });

  it('archives a form customers no longer see, and restores it', async () => {
    const page = await sellerPage('/forms');
    const writes = recordWrites(page);
    const live = page.getByRole('list', { name: 'Your forms' });
    await live.getByRole('button', { name: 'Edit Candle set for an event' }).click();
    // Double taps archive and restore once each.
    await page.getByRole('button', { name: 'Archive' }).dblclick();
    await expect.poll(() => page.getByText(/“Candle set for an event” is archived: customers no longer see it\./).isVisible()).toBe(true);
    expect(await live.locator('.title', { hasText: 'Candle set for an event' }).count()).toBe(0);
    const archived = page.getByRole('list', { name: 'Archived forms' });
    await expect.poll(() => archived.locator('.title', { hasText: 'Candle set for an event' }).isVisible()).toBe(true);

    const visitor = await journey.browser.newPage();
    await visitor.goto(`${journey.server.url}/s/demo`);
    await visitor.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    expect(await visitor.getByRole('link', { name: 'Candle set for an event' }).count()).toBe(0);

    await archived.getByRole('button', { name: 'Restore Candle set for an event' }).dblclick();
    await expect.poll(() => page.getByText('“Candle set for an event” is back on your request page.').isVisible()).toBe(true);
    expect(writes).toEqual(['PUT /api/shop/intake-forms/:id', 'PUT /api/shop/intake-forms/:id']);
    await expect.poll(() => live.locator('.title', { hasText: 'Candle set for an event' }).isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Archived forms' }).count()).toBe(0);
    await visitor.reload();
    await expect.poll(() => visitor.getByRole('link', { name: 'Candle set for an event' }).isVisible()).toBe(true);
    await visitor.close();
    await page.close();
  });
});
