import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { replyBoxOnNonnasProof } from '#test/helpers/proofs.ts';
import { descriptionOf, signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const pageAs = signedInPages(journey, phone);



/** Pastes `text` into the focused control the way a person does: the system clipboard, then Ctrl+V. */
async function paste(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

const cutNote = (page: Page, id: string) => page.locator(`#${id}-cut`).evaluateAll((all) => all.map((el) => el.textContent));
/** What the screen reader is told, in the live region beside the control. */
const spoken = (page: Page, id: string) => page.locator(`.field:has(> #${id}) > [aria-live=polite]`).textContent();

describe('a paste cut at a field’s limit says what was left out', () => {
  it('not on a request form’s text, which a paste may take past its limit: it is kept whole, and counted', async () => {
    const page = await (await journey.browser.newContext({ viewport: phone })).newPage();
    await page.goto(`${journey.server.url}/s/demo`);
    const id = 'q-engraving';
    const engraving = page.locator(`#${id}`);
    // What is selected is replaced; nothing of the paste is dropped, and nothing says it was.
    await engraving.fill('Ana & Luis · ');
    await engraving.press('ControlOrMeta+A');
    await paste(page, 'The Carvalho family kitchen, est. 2019, Lisbon');
    await expect.poll(() => engraving.inputValue()).toBe('The Carvalho family kitchen, est. 2019, Lisbon');
    await expect.poll(() => page.locator(`#${id}-count`).textContent()).toBe('You have 6 characters too many');
    expect(await cutNote(page, id)).toEqual([]);
    expect(await engraving.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-count`);
    await expect.poll(() => spoken(page, id)).toBe('You have 6 characters too many');
    // Sending it waits until it is shortened (test/e2e/request-page.test.ts).
    await page.context().close();
  }, 60_000);

  it('in a reply’s one-line box on a proof', async () => {
    const page = await pageAs('ana@demo.test', '/home');
    const { reply, id } = await replyBoxOnNonnasProof(page, 'Could the border be thinner?');
    await reply.fill('r'.repeat(1990));
    await reply.press('End');
    await paste(page, 'Thanks, see you then!');
    await expect.poll(() => reply.inputValue()).toBe(`${'r'.repeat(1990)}Thanks, se`);
    const said = 'Only the first 10 characters you pasted fitted: the last 11 were left out.';
    await expect.poll(() => cutNote(page, id)).toEqual([said]);
    expect(await reply.getAttribute('aria-describedby')).toBe(`${id}-count ${id}-cut`);
    await expect.poll(() => descriptionOf(page, `#${id}`)).toBe(`You have reached the limit of 2,000 characters ${said}`);
    await reply.press('Backspace');
    await expect.poll(() => cutNote(page, id)).toEqual([]);
    expect(await reply.getAttribute('aria-describedby')).toBe(`${id}-count`);
    // What is selected makes room: all 1,999 characters are replaced, and 2,000 of the 2,005 pasted fit.
    await reply.press('ControlOrMeta+A');
    await paste(page, 'p'.repeat(2005));
    await expect.poll(() => reply.inputValue()).toBe('p'.repeat(2000));
    await expect.poll(() => cutNote(page, id)).toEqual(['Only the first 2,000 characters you pasted fitted: the last 5 were left out.']);
    await page.close();
  }, 60_000);
});

describe('the dashboard’s status tabs', () => {
  /** Each tab's name and whether all of it is seen: inside the tab bar and the screen, not scrolled or cut off. */
  const tabsSeen = (page: Page) =>
    page.getByRole('tablist', { name: 'Orders by status' }).evaluate((bar) => {
      const edge = bar.getBoundingClientRect();
      return [...bar.querySelectorAll('[role=tab]')].map((tab) => {
        const box = tab.getBoundingClientRect();
        const whole = box.left >= edge.left - 0.5 && box.right <= edge.right + 0.5 && box.right <= window.innerWidth && bar.scrollWidth <= bar.clientWidth;
        return `${tab.textContent}${whole ? '' : ' (cut off)'}`;
      });
    });

  it('are all in sight on a desktop, one Status select with all of them on a phone, and the arrow keys, Home and End still choose among them', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard', desktop);
    const bar = page.getByRole('tablist', { name: 'Orders by status' });
    await expect.poll(() => bar.getByRole('tab', { name: /Cancelled/ }).textContent()).toMatch(/Cancelled\d/);
    const seen = await tabsSeen(page);
    expect(seen).toHaveLength(11);
    expect(seen.filter((t) => t.endsWith('(cut off)'))).toEqual([]);
    // On a phone the eleven tabs would push the orders below the screen: one select holds them.
    await page.setViewportSize(phone);
    const select = page.getByLabel('Status', { exact: true });
    await expect.poll(() => select.isVisible()).toBe(true);
    expect(await select.locator('option').count()).toBe(11);
    expect(await bar.isVisible()).toBe(false);
    await page.setViewportSize(desktop);

    // The tabs pattern: Home and End, and the arrows going round from the last to the first.
    await bar.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => bar.getByRole('tab', { selected: true }).textContent()).toMatch(/^Cancelled/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Cancelled/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => bar.getByRole('tab', { selected: true }).textContent()).toMatch(/^All open/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => bar.getByRole('tab', { selected: true }).textContent()).toMatch(/^Completed/);
    await page.keyboard.press('Home');
    await expect.poll(() => bar.getByRole('tab', { selected: true }).textContent()).toMatch(/^All open/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.close();
  }, 60_000);
});
