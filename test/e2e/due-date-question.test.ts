import { describe, expect, it } from 'vitest';
import { calendarDateInWords, localIsoToday } from '#shared/text/calendar-date.ts';
import { signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();
const phone = { viewport: { width: 390, height: 844 } };
const daysFromToday = (days: number) => localIsoToday(new Date(Date.now() + days * 86_400_000));

describe('a form’s due-date question', () => {
  it('is marked in the form builder, asks the customer for a date from today on, and becomes the order’s due date', async () => {
    const seller = await journey.browser.newPage(phone);
    await signInAs(journey, seller, 'seller@demo.test');
    await seller.waitForURL(/\/dashboard$/);
    await seller.getByRole('link', { name: 'Intake forms' }).click();
    await seller.getByRole('button', { name: 'New form' }).click();
    await seller.getByLabel('Form name').fill('Party banner');
    await seller.getByLabel('Question').fill('Banner words');
    await seller.getByLabel('New field’s type').selectOption({ label: 'Date' });
    await seller.getByRole('button', { name: 'Add field' }).click();
    await seller.getByLabel('Question').nth(1).fill('Party date');
    // The mark is offered on date questions only, and the preview shows the customer's limit at once.
    const mark = seller.getByRole('checkbox', { name: /When the order is due/ });
    expect(await mark.count()).toBe(1);
    await mark.check();
    // Two days for delivery: the customer's date is when they need it, the order ships two days before.
    await seller.getByLabel('Days for delivery', { exact: true }).fill('2');
    const earliest = daysFromToday(2);
    await expect.poll(() => seller.locator('.preview-frame').getByText(`From ${calendarDateInWords(earliest)}.`, { exact: false }).isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => seller.getByText('Saved “Party banner” (version 1).').isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Close' }).click();
    const listed = seller.getByRole('list', { name: 'Your forms' }).getByRole('listitem').filter({ hasText: 'Party banner' });
    await expect.poll(() => listed.locator('.meta').innerText()).toBe('2 fields · due date: Party date');

    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo`);
    await customer.getByRole('link', { name: 'Party banner' }).click();
    const date = customer.getByLabel('Party date');
    expect(await date.getAttribute('min')).toBe(earliest);
    await customer.getByLabel('Banner words').fill('Happy 40th, Ife');
    await customer.getByLabel('Your name').fill('Ife Okafor');
    await customer.getByLabel('Your email').fill('ife.party@example.test');
    // A date the shop can no longer meet is refused on the page, in words, before anything is sent.
    await date.fill(daysFromToday(1));
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => customer.getByText(`Choose ${calendarDateInWords(earliest)} or later.`).isVisible()).toBe(true);
    const dateId = await date.getAttribute('id');
    await expect.poll(() => customer.evaluate(() => document.activeElement?.id)).toBe(dateId);
    const party = daysFromToday(30);
    await date.fill(party);
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await customer.getByRole('heading', { name: 'Request sent' }).waitFor();
    const reference = (await customer.locator('.notice strong').textContent())!;

    // The seller finds the order on the dashboard with the customer's date as its due date.
    await seller.goto(`${journey.server.url}/dashboard?q=${encodeURIComponent(reference)}`);
    const row = seller.getByRole('listitem').filter({ hasText: reference });
    await expect.poll(() => row.innerText()).toContain(calendarDateInWords(daysFromToday(28)));
    await seller.close();
    await customer.close();
  }, 120_000);
  it('asks for the dashboard and an order as of the seller’s own calendar day, wherever they are', async () => {
    // Kiritimati is UTC+14: its date is ahead of UTC's for most of the day.
    const context = await journey.browser.newContext({ timezoneId: 'Pacific/Kiritimati' });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/^\/api\/(orders|shop\/summary)/.test(url.pathname)) asked.push(`${url.pathname} ${url.searchParams.get('today')}`);
    });
    await signInAs(journey, page, 'seller@demo.test');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('list', { name: 'Orders' }).waitFor();
    const kiritimatiToday = new Date(Date.now() + 14 * 60 * 60_000).toISOString().slice(0, 10);
    expect(asked).toEqual(expect.arrayContaining([`/api/shop/summary ${kiritimatiToday}`, `/api/orders ${kiritimatiToday}`]));
    await page.getByRole('list', { name: 'Orders' }).getByRole('link').first().click();
    await expect.poll(() => asked.some((a) => /^\/api\/orders\/[a-z0-9]{16} /.test(a) && a.endsWith(kiritimatiToday))).toBe(true);
    await context.close();
  });
});
