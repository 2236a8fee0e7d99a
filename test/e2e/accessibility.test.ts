import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();

/** axe needs a page of a context of its own. */
async function phonePage(): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/**
 * axe's findings on the page as it stands, one line each, so a failure says what and where;
 * a page wider than the phone, which people would have to scroll sideways; a label or button
 * whose ordinary word is split across lines ("Personalisati / on"); a window title that does
 * not name the page.
 */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: page as never }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  if (width.page > width.screen) found.push(`page wider than the screen: ${width.page} px on ${width.screen}`);
  const splitWords = await page.evaluate(() =>
    [...document.querySelectorAll('dt, th, label, legend, button, .badge, .tabs a')].flatMap((element) => {
      // Hidden from sight on purpose (the request page's honeypot field): nobody reads it.
      if (element.getBoundingClientRect().width <= 1 || element.closest('.honeypot, .visually-hidden')) return [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const split: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.textContent!.matchAll(/\S{2,24}/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(word[0]);
        }
      }
      return split;
    }),
  );
  for (const word of splitWords) found.push(`word split across lines: ${word}`);
  // The window's title names the page, as its heading does.
  const titles = await page.evaluate(() => ({ window: document.title, heading: document.querySelector('main h1')?.textContent?.trim() }));
  // An order's adds its reference, so two orders of the same piece are told apart.
  const afterHeading = titles.window.startsWith(`${titles.heading} · `) ? titles.window.slice(`${titles.heading} · `.length) : '';
  if (!/^([A-Z]{2}-[A-Z0-9]{4} · )?Atelier$/.test(afterHeading)) found.push(`window title "${titles.window}" does not name the page "${titles.heading}"`);
  return found;
}

/**
 * Every screen of the portal, in the states people meet it in (errors shown, editors open,
 * a decision waiting), on a phone: no axe violation. The bench scores four pages with
 * Lighthouse; this keeps the rest from drifting.
 */
describe('accessibility of every screen', () => {
  it('holds for a visitor: sign-in, the request page with its errors, a shop and a page that do not exist', async () => {
    const page = await phonePage();
    await page.goto(`${journey.server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('This field is required.').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/s/no-such-shop`);
    await page.getByRole('heading', { name: 'No shop at this address', level: 1 }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('holds for the seller: dashboard as list and board, an order in review, a request’s answers, forms and their editor, settings, the dev mailbox', async () => {
    const page = await phonePage();
    await signInAs(journey, page, 'seller@demo.test');
    await page.locator('.order-list').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/dashboard?view=board`);
    await page.locator('.board').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/dashboard?status=awaiting_approval`);
    await page.getByRole('link', { name: /Nonna/ }).click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await page.locator('.timeline').waitFor();
    expect(await violations(page)).toEqual([]);

    // A request whose questions are long (a policy to agree to) beside short answers.
    await page.goto(`${journey.server.url}/dashboard?status=requested`);
    await page.getByRole('link', { name: /Candle set for an event/ }).click();
    await page.getByRole('heading', { name: 'Request: Candle set for an event' }).waitFor();
    expect(await violations(page)).toEqual([]);

    // An order whose title and text are single unbroken runs, as people sometimes type them.
    await page.goto(`${journey.server.url}/dashboard`);
    await page.getByRole('button', { name: 'New order' }).click();
    await page.locator('#new-title').fill('W'.repeat(140));
    await page.getByLabel('Customer name').fill('N'.repeat(120));
    await page.getByLabel('Customer email').fill('long.names@example.test');
    await page.getByLabel('Personalisation').fill('P'.repeat(300));
    await page.getByRole('button', { name: 'Create order' }).click();
    await page.getByRole('heading', { name: 'W'.repeat(140), level: 1 }).waitFor();
    await page.locator('.timeline').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/forms`);
    await page.getByRole('heading', { name: 'Intake forms' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/settings`);
    await page.getByRole('heading', { name: 'Shop settings' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/dev/mailbox`);
    await page.getByRole('heading', { name: 'Dev mailbox' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('holds for a customer: their orders, and a proof waiting for their decision', async () => {
    const page = await phonePage();
    await signInAs(journey, page, 'ana@demo.test');
    await page.locator('.order-list').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: /Nonna/ }).first().click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await page.locator('.timeline').waitFor();
    expect(await violations(page)).toEqual([]);

    // Signed out in another tab: the refused comment and the notice with the way back in.
    const other = await page.context().newPage();
    await other.goto(`${journey.server.url}/home`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(/\/sign-in$/);
    await page.getByLabel('Comment on this proof').first().fill('Slightly bigger letters, please.');
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await page.locator('.session-ended').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
    // Three axe sweeps and a sign-in: about 15 s on a quiet two-core machine, twice that when busy.
  }, 120_000);

  it('lets a customer ask for a piece with the keyboard alone, in the order the page reads', async () => {
    const page = await phonePage();
    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    /** One Tab press, and where it landed: the next control the page shows, nothing skipped or trapped. */
    const tab = async (expected: string) => {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(expected);
    };
    // The shop's other form is the last choice: the default comes first.
    const choices = page.getByRole('navigation', { name: 'What would you like?' }).getByRole('link');
    await expect.poll(() => choices.allInnerTexts()).toEqual(['Engraved cutting board', 'Candle set for an event']);
    await choices.last().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Candle set for an event', level: 1 }).waitFor();
    await choices.last().focus();

    await tab('q-quantity');
    await page.keyboard.type('40');
    await tab('q-scent-0');
    await page.keyboard.press('ArrowDown');
    await tab('q-label_text');
    await page.keyboard.type('Ana & Luis · 14.02.2027');
    await tab('q-label_color');
    // An optional colour: No preference, beside the swatch, is the next stop.
    await tab('q-label_color-none');
    await tab('q-event_date');
    // The event date is the order's due date, so it lies ahead: two months from today, typed as Chromium's mm/dd/yyyy.
    const event = new Date(Date.now() + 60 * 86_400_000);
    await page.keyboard.type([event.getMonth() + 1, event.getDate()].map((n) => String(n).padStart(2, '0')).join('') + String(event.getFullYear()));
    // Chromium's date input has a calendar button of its own: one more stop inside the same control.
    await tab('q-event_date');
    await tab('q-policies');
    await page.keyboard.press('Space');
    await tab('who-name');
    await page.keyboard.type('Ana Souza');
    await tab('who-email');
    await page.keyboard.type('ana.keys@example.test');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Request sent' }).waitFor();

    const message = journey.server.mailbox.list().find((m) => m.to === 'ana.keys@example.test');
    expect(message?.subject).toMatch(/^Willow & Wick received your request WW-/);
    await page.context().close();
  });

  it('lets a customer approve a proof with the keyboard alone, from the status card to the recorded approval', async () => {
    const page = await phonePage();
    await signInAs(journey, page, 'ana@demo.test');
    // From their orders, freshly loaded, to the order: the new page starts at its content, its title named.
    await page.goto(`${journey.server.url}/home`);
    await page.getByRole('link', { name: /Nonna/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.title()).toMatch(/^Engraved cutting board, "Nonna's kitchen" · WW-[A-Z0-9]{4} · Atelier$/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('← Your orders');
    // The ways back are a finger's height to tap (44 px), the page's and the top bar's.
    expect((await page.getByRole('link', { name: '← Your orders' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your orders' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    /** What a screen reader would name the focused control: its label, or its text. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return (el?.labels?.[0] ?? el)?.textContent?.trim();
      });

    // The status card's link leads past the proof to the decision, and the next Tab is its first control.
    await page.getByRole('link', { name: 'Look at the proof and decide' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('I checked the files and the personalisation above, exactly as they are.');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lovely, thank you.');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Approve v\d+$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Thank you: the design is approved and production can start.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.versions .badge').first().innerText()).toBe('Approved');
    await page.context().close();
  });
});
