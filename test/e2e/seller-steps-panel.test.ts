import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';
const customer = 'hana@steps.test';

/** A new order for Hana made through the API as the signed-in seller, still a request. */
async function newOrder(page: Page, title: string): Promise<string> {
  const created = await page.request.post(`${journey.server.url}/api/orders`, {
    headers: { origin: journey.server.url },
    data: { title, customer: { name: 'Hana Steps', email: customer } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { orderId: string }).orderId;
}

async function openOrder(page: Page, orderId: string, title: string) {
  await page.goto(`${journey.server.url}/orders/${orderId}`);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const newestActivity = (page: Page) => page.locator('.timeline li').first().innerText();

describe('the note panel under the seller’s status steps', () => {
  it('closes by its own button or by Escape, the focus back on the step that opened it', async () => {
    const page = await pageAs(seller, '/dashboard');
    const orderId = await newOrder(page, 'Steps panel lamp');
    await openOrder(page, orderId, 'Steps panel lamp');
    const quote = page.getByRole('button', { name: 'Move to Quoted', exact: true });
    const quoteField = page.getByRole('textbox', { name: 'Your quote (optional)' });

    await quote.click();
    await quoteField.fill('£40 with postage');
    // Not "Cancel", right under "Cancel order".
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => quoteField.count()).toBe(0);
    expect(await quote.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Move to Quoted');

    // What was typed waits for the step it was typed for, and for no other.
    await quote.click();
    await expect.poll(() => quoteField.inputValue()).toBe('£40 with postage');
    const cancelOrder = page.getByRole('button', { name: 'Cancel order', exact: true });
    await cancelOrder.click();
    const why = page.getByRole('textbox', { name: 'Why is it cancelled?' });
    await expect.poll(() => why.inputValue()).toBe('');
    // Beside a cancellation, the way out does not read as going ahead with it.
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Keep the order', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await page.keyboard.press('Escape');
    await expect.poll(() => why.count()).toBe(0);
    expect(await cancelOrder.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Cancel order');
    // Nothing was moved on the way.
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('Requested');
    await page.close();
  });

  it('asks for an optional note before a hold, which the customer then reads on their order', async () => {
    const page = await pageAs(seller, '/dashboard');
    const orderId = await newOrder(page, 'Steps held vase');
    await openOrder(page, orderId, 'Steps held vase');
    await page.getByRole('button', { name: 'Move to Quoted', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('Moved to Quoted.').isVisible()).toBe(true);

    const hold = page.getByRole('button', { name: 'Move to On hold', exact: true });
    await hold.click();
    expect(await hold.getAttribute('aria-expanded')).toBe('true');
    // Nothing happens until the seller confirms.
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('Quoted');
    const note = page.getByRole('textbox', { name: 'Note for the customer (optional)' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await note.fill('The glaze I need is out of stock; I start again on 3 March.');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('Moved to On hold.').isVisible()).toBe(true);
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('On hold');
    await expect.poll(() => newestActivity(page)).toMatch(/^Moved from Quoted to On hold \(The glaze I need is out of stock; I start again on 3 March\.\)\n/);

    const theirs = await pageAs(customer, `/orders/${orderId}`, phone);
    await theirs.getByRole('heading', { name: 'Where your order stands' }).waitFor();
    await expect.poll(() => newestActivity(theirs)).toMatch(/^Moved from Quoted to On hold \(The glaze I need is out of stock; I start again on 3 March\.\)\n/);
    // A stage done is marked and said so, not shown by its colour alone.
    expect(await theirs.locator('ol[aria-label="Progress"] li').first().textContent()).toBe('✓ Requested (done)');
    // Said where the order stands too, beside "paused", as a quote is.
    const standsNote = (p: Page) => p.locator('section[aria-labelledby="status-title"] .shop-note');
    expect(await standsNote(theirs).innerText()).toMatch(/^Note from .+\nThe glaze I need is out of stock; I start again on 3 March\.$/);
    await theirs.close();

    // Back to work, and held again with nothing to say: the note is optional.
    await page.getByRole('button', { name: 'Move to Quoted', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('.page-head .badge').first().innerText()).toBe('Quoted');
    await hold.click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('.page-head .badge').first().innerText()).toBe('On hold');
    await expect.poll(() => newestActivity(page)).toMatch(/^Moved from Quoted to On hold\n/);
    // The second hold said nothing: the first hold's note is not shown as if it were about this one.
    const again = await pageAs(customer, `/orders/${orderId}`, phone);
    await again.getByRole('heading', { name: 'Where your order stands' }).waitFor();
    await expect.poll(() => newestActivity(again)).toMatch(/^Moved from Quoted to On hold\n/);
    expect(await standsNote(again).count()).toBe(0);
    await again.close();
    await page.close();
  });
});

describe('the seller’s order details', () => {
  it('says where the kept changes are after someone else saved first: above the message', async () => {
    const mine = await pageAs(seller, '/dashboard');
    const orderId = await newOrder(mine, 'Steps conflict bowl');
    await openOrder(mine, orderId, 'Steps conflict bowl');
    const theirs = await pageAs(seller, `/orders/${orderId}`);
    await mine.getByLabel('Notes', { exact: true }).fill('Wrap it twice');
    await theirs.locator('#edit-title').fill('Steps conflict bowl, blue');
    await theirs.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => theirs.getByText('Saved.', { exact: true }).isVisible()).toBe(true);
    await theirs.close();

    await mine.getByRole('button', { name: 'Save details' }).click();
    const message = mine.getByText(/^Someone changed this order while you were editing\./);
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await message.innerText()).toContain('Your changes are kept in the fields above');
    const notes = await mine.getByLabel('Notes', { exact: true }).boundingBox();
    const said = await message.boundingBox();
    expect(said!.y).toBeGreaterThanOrEqual(notes!.y + notes!.height);
    expect(await mine.getByLabel('Notes', { exact: true }).inputValue()).toBe('Wrap it twice');
    await mine.close();
  });

  for (const [size, viewport] of Object.entries({ desktop, phone })) {
    it(`says “Saved.” beside the button pressed, over none of the page (${size})`, async () => {
      const page = await pageAs(seller, '/dashboard', viewport);
      const title = `Steps saved mug ${size}`;
      const orderId = await newOrder(page, title);
      await openOrder(page, orderId, title);
      await page.getByLabel('Notes', { exact: true }).fill('Long notes for a long page. '.repeat(60));
      const save = page.getByRole('button', { name: 'Save details' });
      await save.click();
      const saved = page.getByText('Saved.', { exact: true });
      await expect.poll(() => saved.isVisible()).toBe(true);
      const button = (await save.boundingBox())!;
      const box = (await saved.boundingBox())!;
      // In the page's flow beside the button, in view where the seller is looking.
      expect(box.x).toBeGreaterThanOrEqual(button.x + button.width);
      expect(box.y).toBeGreaterThanOrEqual(button.y - button.height);
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(viewport.height, button.y + 2 * button.height));
      const details = (await page.locator('section[aria-labelledby="details-title"]').boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(details.y + details.height);
      // Whatever is at each corner of the view is the page's own, not a notice laid over it.
      const covered = await page.evaluate(() =>
        [
          [8, 8],
          [window.innerWidth - 8, 8],
          [window.innerWidth / 2, 30],
        ].some(([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('.notice'))),
      );
      expect(covered).toBe(false);
      await page.close();
    });
  }
});

describe('a due date already past', () => {
  it('is taken, and said to show the order as overdue, on a new order and when changed on an order', async () => {
    const page = await pageAs(seller, '/dashboard');
    const past = await page.evaluate(() => {
      const day = new Date();
      day.setDate(day.getDate() - 5);
      return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    });
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-due').fill(past);
    await expect.poll(() => page.locator('#new-due-hint').innerText()).toMatch(/has passed: the order will show as overdue\.$/);
    expect(await page.locator('#new-due').getAttribute('aria-describedby')).toContain('new-due-hint');

    const orderId = await newOrder(page, 'Steps late mirror');
    await openOrder(page, orderId, 'Steps late mirror');
    const hint = () => page.locator('#edit-due-hint').innerText();
    expect(await hint()).toBe('The date the piece must ship by.');
    await page.locator('#edit-due').fill(past);
    await expect.poll(hint).toMatch(/^The date the piece must ship by\. .+ has passed: the order will show as overdue\.$/);
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => page.locator('.page-head').innerText()).toContain('Overdue');
    // Saved, the date is the order's own: the page's Overdue says it, the hint no longer repeats it.
    await expect.poll(hint).toBe('The date the piece must ship by.');
    await page.close();
  });
});
