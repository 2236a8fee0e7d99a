import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1366, height: 768 });
const phone = { width: 390, height: 844 };
const laptop = { width: 1366, height: 768 };
/** Set to a folder to keep a screenshot of each state checked, to look at. */
const shots = process.env.DASHBOARD_SHOTS;

const rows = (page: Page) => page.getByRole('list', { name: 'Orders' }).locator(':scope > li');
/** Where the first order's row starts, from the top of the window. */
const firstRowTop = (page: Page) => rows(page).first().evaluate((row) => row.getBoundingClientRect().top);
const openCount = async (page: Page) => Number(/^(\d+) open/.exec(await page.locator('.summary-line').innerText())?.[1]);
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

beforeAll(async () => {
  // A busy Requested column, far longer than a window, as a shop has after a weekend of requests.
  const page = await pageAs('seller@demo.test', '/dashboard');
  for (let i = 1; i <= 30; i++) {
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers: { origin: journey.server.url },
      data: { title: `Weekend request ${String(i).padStart(2, '0')}`, customer: { name: 'Wren Weekend', email: 'wren@example.test' } },
    });
    expect(created.status()).toBe(201);
  }
  await page.close();
});

describe('the dashboard on a phone', () => {
  it('shows the first order when it opens and after a status is chosen, the statuses being one labelled select', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', phone);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    await page.locator('.summary-line strong').waitFor();
    await shot(page, 'phone-dashboard');
    expect(await firstRowTop(page)).toBeLessThan(phone.height - 60);

    // The eleven tabs are one select, each status with its count; the tabs themselves are not shown.
    const status = page.getByLabel('Status', { exact: true });
    expect(await status.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(`All open (${await openCount(page)})`);
    expect(await status.locator('option').count()).toBe(11);
    expect(await page.getByRole('tablist', { name: 'Orders by status' }).count()).toBe(0);

    await status.selectOption('in_production');
    await page.waitForURL(/status=in_production/);
    await expect.poll(() => rows(page).locator('.badge').first().textContent()).toBe('In production');
    await shot(page, 'phone-in-production');
    expect(await firstRowTop(page)).toBeLessThan(phone.height - 60);

    // With the keyboard: the arrows choose another status, the focus stays, and Tab goes on to the search.
    await status.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/status=shipped/);
    await expect.poll(() => rows(page).locator('.badge').first().textContent()).toBe('Shipped');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('status-pick');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await firstRowTop(page)).toBeLessThan(phone.height - 60);
    await page.close();
  });

  it('keeps the tabs, not the select, on a desktop', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    await page.getByRole('tablist', { name: 'Orders by status' }).waitFor();
    expect(await page.getByLabel('Status', { exact: true }).isVisible()).toBe(false);
    await page.close();
  });
});

describe('the board on a laptop', () => {
  it('ends at the foot of the window, its sideways scrollbar on screen, and reaches every column', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard?view=board', laptop);
    const board = page.locator('.board');
    await expect.poll(() => page.locator('.board a.card').count()).toBeGreaterThan(30);
    await page.locator('.summary-line strong').waitFor();
    await shot(page, 'laptop-board');
    const measured = await board.evaluate((el) => ({ bottom: el.getBoundingClientRect().bottom, scrolls: el.scrollWidth > el.clientWidth }));
    expect(measured.scrolls).toBe(true);
    expect(measured.bottom).toBeLessThanOrEqual(laptop.height);

    // Scrolled to its end, the last column is whole inside the board.
    await board.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const last = await board.evaluate((el) => {
      const edge = el.getBoundingClientRect();
      const column = el.querySelector('section:last-of-type')!.getBoundingClientRect();
      return { inside: column.left >= edge.left - 0.5 && column.right <= edge.right + 0.5 && column.bottom <= window.innerHeight, name: el.querySelector('section:last-of-type h2 span')?.textContent };
    });
    expect(last).toEqual({ inside: true, name: 'On hold' });
    await shot(page, 'laptop-board-scrolled');

    // The long Requested column scrolls on its own, its heading kept at its top; its last card is reached by Tab.
    const requested = board.locator('section').filter({ has: page.getByRole('heading', { name: /^Requested/ }) });
    expect(await requested.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await requested.locator('a.card').last().focus();
    const seen = await requested.evaluate((el) => {
      const cards = el.querySelectorAll('a.card');
      const card = cards[cards.length - 1]!.getBoundingClientRect();
      const column = el.getBoundingClientRect();
      const heading = el.querySelector('h2')!.getBoundingClientRect();
      return { cardInside: card.top >= heading.bottom - 0.5 && card.bottom <= column.bottom + 0.5, headingAtTop: Math.abs(heading.top - column.top) <= 2 };
    });
    expect(seen).toEqual({ cardInside: true, headingAtTop: true });
    await page.close();
  });
});

describe('the counts beside a searched or filtered list', () => {
  it('says how many of the shop’s orders the list shows, the summary counting the whole shop', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', phone);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    await page.locator('.summary-line strong').waitFor();
    const open = await openCount(page);
    // No search, no filter: the list is the tab's orders and says nothing more.
    expect(await page.locator('.list-count').count()).toBe(0);

    // A day that leaves some of the open orders out, by their due dates.
    const dated = await page.evaluate(async () => {
      const answer = await fetch('/api/orders?status=open&sort=due&limit=100').then((r) => r.json() as Promise<{ items: Array<{ dueDate: string | null }> }>);
      return answer.items.map((o) => o.dueDate).filter((d): d is string => !!d);
    });
    const before = dated[4]!;
    await page.getByLabel('Due before').fill(before);
    await page.waitForURL(/dueBefore=/);
    const said = /^(\d+) of the (\d+) open orders are due before (.+)\.$/;
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(said);
    await shot(page, 'phone-due-before');
    const [, shown, total] = said.exec((await page.locator('.list-count').textContent())!)!;
    expect(Number(shown)).toBe(await rows(page).count());
    expect(Number(shown)).toBe(dated.filter((d) => d < before).length);
    expect(Number(total)).toBe(open);
    expect(Number(shown)).toBeLessThan(open);
    // The first of them is still in sight under the line.
    expect(await firstRowTop(page)).toBeLessThan(phone.height - 60);

    // A search and the date, in another status: both conditions said, and one order said as one.
    await page.goto(`${journey.server.url}/dashboard?status=awaiting_approval&q=nonna&dueBefore=2099-01-01`);
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/^1 of the \d+ orders awaiting approval matches “nonna” and is due before .+\.$/);
    await page.close();
  });

  it('says when only the first page of what was found is shown', async () => {
    // Thirty found, twenty-five to a page.
    const page = await pageAs('seller@demo.test', '/dashboard?status=requested&q=weekend');
    await expect.poll(() => rows(page).count()).toBe(25);
    await page.locator('.summary-line strong').waitFor();
    const requested = Number(/\((\d+)\)$/.exec((await page.getByRole('tab', { name: /^Requested/ }).textContent())!.replace(/^Requested(\d+)$/, '($1)'))?.[1]);
    expect(await page.locator('.list-count').textContent()).toBe(`The first 25 of the orders requested that match “weekend”; the shop has ${requested} orders requested in all.`);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => page.locator('.list-count').textContent()).toBe(`30 of the ${requested} orders requested match “weekend”.`);
    await page.close();
  });
});
