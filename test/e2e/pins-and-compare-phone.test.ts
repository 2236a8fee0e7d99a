import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 900 } };
const contexts = new Map<object, BrowserContext>();

/** Ana (a demo customer) on "Nonna's kitchen", whose proof v2 waits for her and v1 is there to compare, in a browser of this kind. */
async function nonnasProofAs(kind: typeof phone | typeof desktop): Promise<Page> {
  // Signed in once for each kind of browser: sign-in links are limited per address.
  let context = contexts.get(kind);
  if (!context) {
    context = await journey.browser.newContext(kind);
    contexts.set(kind, context);
    await signInAs(journey, await context.newPage(), 'ana@demo.test');
  }
  const page = await context.newPage();
  await page.goto(`${journey.server.url}/home`);
  await page.getByRole('link', { name: /Nonna/ }).first().click();
  await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
  return page;
}

const proofSurface = (page: Page) => page.getByRole('button', { name: /^proof-v2\.png: click a spot/ });
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent ?? '' }));

/** Every button's name as Chromium gives it to screen readers. */
async function buttonNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.role?.value === 'button').map((n) => String(n.name?.value ?? ''));
  } finally {
    await cdp.detach();
  }
}

/** A finger put down on the page at `from` and lifted at `to`, moving in steps (as CDP's touch events). */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('pins and the comparison, on a phone', () => {
  it('keeps the person where they were after a pinned comment, and gives pins a finger-sized hit area', async () => {
    const page = await nonnasProofAs(phone);
    const surface = proofSurface(page);
    await surface.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await surface.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await surface.tap({ position: { x: 60, y: 40 } });
    await page.getByLabel('Comment on the pinned spot', { exact: true }).fill('The leaf a little smaller');
    const before = await page.evaluate(() => scrollY);
    expect(before).toBeGreaterThan(300);
    await page.getByRole('button', { name: /^Add pinned comment/ }).tap();
    await page.getByText('Comment added.').waitFor();
    // The focus is on the new thread, not the notice at the top: the page has not been thrown to its start.
    await expect.poll(async () => (await focused(page)).id).toMatch(/^thread-/);
    expect((await focused(page)).text).toContain('The leaf a little smaller');
    const after = await page.evaluate(() => scrollY);
    expect(Math.abs(after - before)).toBeLessThan(844 / 2);
    const thread = page.locator('.threads > li:focus');
    const seen = await thread.evaluate((li) => {
      const box = li.getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    });
    expect(seen).toBe(true);

    // The pin's dot stays small over the proof; a finger a little beside it still lands on it.
    const pin = page.getByRole('link', { name: 'Comment 1', exact: true });
    await pin.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const dot = (await pin.boundingBox())!;
    expect([dot.width, dot.height]).toEqual([28, 28]);
    const landsOnPin = (dx: number, dy: number) =>
      page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a.pin')?.getAttribute('aria-label') ?? null, [dot.x + dot.width / 2 + dx, dot.y + dot.height / 2 + dy]);
    expect(await landsOnPin(21, 0)).toBe('Comment 1');
    expect(await landsOnPin(0, -21)).toBe('Comment 1');
    expect(await landsOnPin(30, 0)).toBeNull();
    await page.close();
  });

  it('names every Add comment, Reply and Resolve for its thread and version, and shows the same words as before', async () => {
    const page = await nonnasProofAs(phone);
    await page.getByText('Comments on v1 (2)').click();
    await page.getByLabel('Comment on this proof', { exact: true }).first().fill('Half a size larger?');
    await page.getByRole('button', { name: 'Add comment on v2', exact: true }).tap();
    const reply = page.getByRole('button', { name: 'Reply to the thread “Half a size larger?” on v2', exact: true });
    await reply.waitFor();
    await page.getByRole('button', { name: 'Resolve the thread “Half a size larger?” on v2', exact: true }).waitFor();

    const names = (await buttonNames(page)).filter((name) => /^(Add|Reply|Resolve|Reopen)/.test(name));
    expect(names).toContain('Add comment on v1');
    expect(names).toContain('Reply to comment 1 on v1');
    // None of them alike: each says which thread, or which version, it is for.
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(new Set(names).size).toBe(names.length);
    // What is seen is the word alone, as before.
    expect(await reply.textContent()).toBe('Reply');
    expect(await page.getByRole('button', { name: 'Resolve the thread “Half a size larger?” on v2', exact: true }).textContent()).toBe('Resolve');
    expect(await page.getByRole('button', { name: 'Add comment on v2', exact: true }).textContent()).toBe('Add comment');
    await page.close();
  });

  it('compares on a phone: stacked full width, a slider a finger can use, told as it shows, and dragged on the image', async () => {
    const page = await nonnasProofAs(phone);
    await page.getByRole('heading', { name: 'Compare versions' }).waitFor();
    // Side by side would make each a thumbnail: one above the other, each the width of the screen.
    const sides = page.locator('.compare-side img');
    await expect.poll(() => sides.count()).toBe(2);
    const [first, second] = [(await sides.nth(0).boundingBox())!, (await sides.nth(1).boundingBox())!];
    expect(first.width).toBeGreaterThan(300);
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    // Both seen at once.
    expect(second.y + second.height - first.y).toBeLessThan(844);

    await page.getByRole('checkbox', { name: 'Overlay with a slider' }).check();
    const slider = page.getByRole('slider', { name: 'How much of the left version, v1, to show', exact: true });
    expect((await slider.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await slider.fill('87');
    // The value, its words and the picture agree: 87% of v1 on the left of the line, 13% of v2 on its right.
    expect(await slider.getAttribute('aria-valuetext')).toBe('87% of v1, 13% of v2');
    const top = page.locator('.compare-overlay img.top');
    expect(await top.getAttribute('alt')).toBe('Proof v2: proof-v2.png');
    await expect.poll(() => top.evaluate((img: HTMLElement) => img.style.clipPath)).toBe('inset(0px 0px 0px 87%)');
    const frame = page.locator('.compare-overlay .frame');
    await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await frame.boundingBox())!;
    // A line where the two meet, seen.
    const line = (await page.locator('.compare-overlay .split').boundingBox())!;
    expect(line.width).toBeGreaterThanOrEqual(2);
    expect(line.height).toBeCloseTo(box.height, -1);
    expect(Math.abs(line.x + line.width / 2 - (box.x + box.width * 0.87))).toBeLessThan(3);

    // A finger drags the line across the images; the slider follows.
    await swipe(page, { x: box.x + box.width * 0.5, y: box.y + box.height / 2 }, { x: box.x + box.width * 0.25, y: box.y + box.height / 2 });
    await expect.poll(() => slider.inputValue()).toBe('25');
    expect(await slider.getAttribute('aria-valuetext')).toBe('25% of v1, 75% of v2');
    await expect.poll(() => top.evaluate((img: HTMLElement) => img.style.clipPath)).toBe('inset(0px 0px 0px 25%)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.close();
  });
});

describe('pins and the comparison, at 1280 wide with the keyboard and a mouse', () => {
  it('keeps the keyboard on the new pinned thread, and moves the split by the slider’s keys and by a mouse drag', async () => {
    const page = await nonnasProofAs(desktop);
    const surface = proofSurface(page);
    await surface.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    const comment = page.getByLabel('Comment on the pinned spot', { exact: true });
    await comment.focus();
    await page.keyboard.type('Nudge the name right');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Add pinned comment');
    const before = await page.evaluate(() => scrollY);
    await page.keyboard.press('Enter');
    await page.getByText('Comment added.').waitFor();
    await expect.poll(async () => (await focused(page)).text).toContain('Nudge the name right');
    expect(await page.evaluate(() => document.activeElement!.matches('.threads > li:focus-visible'))).toBe(true);
    expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(450);
    // Onwards from the thread: its reply box.
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toMatch(/^reply-/);

    await page.getByRole('checkbox', { name: 'Overlay with a slider' }).check();
    const slider = page.getByRole('slider', { name: 'How much of the left version, v1, to show', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await slider.getAttribute('aria-valuetext')).toBe('49% of v1, 51% of v2');
    const frame = page.locator('.compare-overlay .frame');
    await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await frame.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => slider.inputValue()).toBe('70');
    await expect.poll(() => page.locator('.compare-overlay img.top').evaluate((img: HTMLElement) => img.style.clipPath)).toBe('inset(0px 0px 0px 70%)');
    // Side by side, as before, on a wide screen.
    await page.getByRole('checkbox', { name: 'Overlay with a slider' }).uncheck();
    const sides = page.locator('.compare-side img');
    await expect.poll(() => sides.count()).toBe(2);
    expect((await sides.nth(0).boundingBox())!.y).toBe((await sides.nth(1).boundingBox())!.y);
    await page.close();
  });
});
