import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { replyBoxOnNonnasProof } from '#test/helpers/proofs.ts';
import { descriptionOf, signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, phone);



/** axe's findings on the page as it stands, and a page wider than the phone (as test/e2e/accessibility.test.ts checks). */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: page as never }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  if (width.page > width.screen) found.push(`page wider than the screen: ${width.page} px on ${width.screen}`);
  return found;
}

const countOf = (page: Page, id: string) => page.locator(`#${id}-count`);
const countText = (page: Page, id: string) => countOf(page, id).evaluateAll((all) => all.map((el) => el.textContent));
/** What the screen reader is told, in the live region beside the control. */
const spoken = (page: Page, id: string) => page.locator(`:is(.field, form):has(> #${id}) > [aria-live=polite]`).textContent();

describe('the room left in a text with a limit', () => {
  it('counts down the end of a comment, says when a paste reached the limit, and tells a screen reader once typing pauses', async () => {
    const page = await pageAs('ana@demo.test', '/home');
    await page.getByRole('link', { name: /Nonna/ }).first().click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const box = page.getByLabel('Comment on this proof', { exact: true }).first();
    const id = (await box.getAttribute('id'))!;
    const hint = 'Tap or click the image or page first to pin it to a spot.';

    // Far from the end, nothing is counted.
    await box.fill('Could the letters be a touch larger, and the border a little thinner? '.repeat(30).slice(0, 1899));
    expect(await countText(page, id)).toEqual([]);
    expect(await box.getAttribute('aria-describedby')).toBe(`${id}-hint`);

    // 100 characters from the end, a quiet count, part of the field's description.
    await box.press('End');
    await page.keyboard.type('!');
    await expect.poll(() => countText(page, id)).toEqual(['100 characters left']);
    expect(await box.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-count`);
    await expect.poll(() => descriptionOf(page, `#${id}`)).toBe(`${hint} 100 characters left`);
    expect(await countOf(page, id).evaluate((el) => getComputedStyle(el).color)).toBe('rgb(107, 95, 85)');
    await expect.poll(() => spoken(page, id)).toBe('100 characters left');

    // Typing on, the screen reader hears the count once, when the typing stops: not each keystroke.
    await page.evaluate((region) => {
      const live = document.querySelector(region)!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => heard.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    }, `.field:has(> #${id}) > [aria-live=polite]`);
    await page.keyboard.type(' Thanks');
    await expect.poll(() => countText(page, id)).toEqual(['93 characters left']);
    await expect.poll(() => spoken(page, id)).toBe('93 characters left');
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['93 characters left']);

    // A paste longer than the limit is cut by maxLength, and the count says the limit is reached, in the error colour.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    const pasted = 'The name in a serif, please.\nThe date below it, smaller.\n'.repeat(50);
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await box.press('ControlOrMeta+A');
    await box.press('ControlOrMeta+V');
    await expect.poll(() => countText(page, id)).toEqual(['You have reached the limit of 2,000 characters']);
    // The count and the limit agree: exactly 2,000 UTF-16 code units, line breaks counted once.
    expect(await box.inputValue()).toBe(pasted.slice(0, 2000));
    expect(await countOf(page, id).evaluate((el) => getComputedStyle(el).color)).toBe('rgb(161, 43, 43)');
    // And what of the paste was left out (test/e2e/paste-cut-and-tabs.test.ts).
    const cut = 'Only the first 2,000 characters you pasted fitted: the last 850 were left out.';
    await expect.poll(() => descriptionOf(page, `#${id}`)).toBe(`${hint} You have reached the limit of 2,000 characters ${cut}`);
    await expect.poll(() => spoken(page, id)).toBe(`You have reached the limit of 2,000 characters. ${cut}`);
    await box.press('End');
    await page.keyboard.type('More');
    expect((await box.inputValue()).length).toBe(2000);
    expect(await violations(page)).toEqual([]);

    // At the limit, the server takes it whole: the count, the browser and the server count alike.
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await expect.poll(() => page.getByText('Comment added.').isVisible()).toBe(true);
    expect(await box.inputValue()).toBe('');
    expect(await countText(page, id)).toEqual([]);
    expect(await box.getAttribute('aria-describedby')).toBe(`${id}-hint`);
    await page.close();
  }, 120_000);

  it('counts a reply in its one-line box, under the box and in its description', async () => {
    const page = await pageAs('ana@demo.test', '/home');
    const { reply, id } = await replyBoxOnNonnasProof(page, 'Could the border be thinner?');
    await reply.fill('r'.repeat(1950));
    await expect.poll(() => countText(page, id)).toEqual(['50 characters left']);
    expect(await reply.getAttribute('aria-describedby')).toBe(`${id}-count`);
    await expect.poll(() => descriptionOf(page, `#${id}`)).toBe('50 characters left');
    // Right under the box, before its buttons.
    const under = await countOf(page, id).evaluate((el) => el.getBoundingClientRect().top);
    expect(under).toBeGreaterThan((await reply.boundingBox())!.y);
    expect(under).toBeLessThan((await page.locator(`form:has(> #${id})`).getByRole('button', { name: 'Reply to the thread “Could the border be thinner?” on v2', exact: true }).boundingBox())!.y);
    expect(await violations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('counts a short answer with a low limit on the request page, from its last fifth', async () => {
    // A visitor: a context of their own (axe needs one too).
    const page = await (await journey.browser.newContext({ viewport: phone })).newPage();
    await page.goto(`${journey.server.url}/s/demo`);
    const id = 'q-engraving';
    const engraving = page.locator(`#${id}`);
    // 40 characters at most: nothing until 8 are left.
    await engraving.fill('Ana & Luis · forever · 14.02.20');
    expect(await countText(page, id)).toEqual([]);
    await page.keyboard.type('2');
    await expect.poll(() => countText(page, id)).toEqual(['8 characters left']);
    expect(await engraving.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-count`);
    // An emoji is two characters to the limit, as to maxLength and the server.
    await page.keyboard.type('💍');
    await expect.poll(() => countText(page, id)).toEqual(['6 characters left']);
    await page.keyboard.type(' and m');
    await expect.poll(() => countText(page, id)).toEqual(['You have reached the limit of 40 characters']);
    // Typing on is not cut short: the text runs over, and the count says by how much (test/e2e/request-page.test.ts).
    await page.keyboard.type('ore');
    await expect.poll(() => countText(page, id)).toEqual(['You have 3 characters too many']);
    expect(await engraving.inputValue()).toBe('Ana & Luis · forever · 14.02.202💍 and more');
    expect(await engraving.getAttribute('maxlength')).toBeNull();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
  it('counts the seller’s own short limits too: a new order’s title and a form’s question', async () => {
    const page = await pageAs('seller@demo.test', '/dashboard');
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-title').fill('x'.repeat(130));
    expect(await countText(page, 'new-title')).toEqual(['10 characters left']);
    expect(await descriptionOf(page, '#new-title')).toContain('10 characters left');

    await page.goto(`${journey.server.url}/forms`);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.locator('#fe-0-label').fill('q'.repeat(120));
    expect(await countText(page, 'fe-0-label')).toEqual(['You have reached the limit of 120 characters']);
    expect(await countText(page, 'form-name')).toEqual([]);
    await page.close();
  });
});
