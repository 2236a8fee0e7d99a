import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';
import { sendProof } from '#test/helpers/proofs.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';
const customer = 'dee@probe.test';


/** An order for Dee made through the API as the signed-in seller, moved on to quoted. */
async function quotedOrder(page: Page, title: string): Promise<string> {
  const headers = { origin: journey.server.url };
  const created = await page.request.post(`${journey.server.url}/api/orders`, { headers, data: { title, customer: { name: 'Dee Probe', email: customer } } });
  expect(created.status()).toBe(201);
  const { orderId } = (await created.json()) as { orderId: string };
  const moved = await page.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers, data: { to: 'quoted', version: 1 } });
  expect(moved.status()).toBe(200);
  return orderId;
}

/** Dee's order with a landscape v1 and a portrait v2 waiting for her decision, and a comment thread on v2. */
let proofed: { orderId: string; commentId: string };
let made: Promise<void> | undefined;

/**
 * The orders the journeys look at, made once, by the first journey that needs them (expect.poll,
 * used on the way, only runs inside a test).
 */
const setUp = () => (made ??= makeOrders());

async function makeOrders() {
  const page = await pageAs(seller, '/dashboard');
  const headers = { origin: journey.server.url };
  // More than a page of 25, so that "Show more" is needed.
  for (let i = 1; i <= 30; i++) {
    const created = await page.request.post(`${journey.server.url}/api/orders`, {
      headers,
      data: { title: `Listed probe order ${String(i).padStart(2, '0')}`, customer: { name: 'Lee List', email: 'lee@probe.test' } },
    });
    expect(created.status()).toBe(201);
  }
  await quotedOrder(page, 'Probe stool');
  const orderId = await quotedOrder(page, 'Probe board');
  await page.goto(`${journey.server.url}/orders/${orderId}`);
  await sendProof(page, 'proof-v1.png', 1);
  await sendProof(page, 'proof-v2.png', 2);
  const order = (await (await page.request.get(`${journey.server.url}/api/orders/${orderId}`)).json()) as { designs: Array<{ designId: string; version: number }> };
  const v2 = order.designs.find((d) => d.version === 2)!;
  const comment = await page.request.post(`${journey.server.url}/api/orders/${orderId}/designs/${v2.designId}/comments`, { headers, data: { body: 'Could the names be a bit larger here?' } });
  expect(comment.status()).toBe(201);
  proofed = { orderId, commentId: ((await comment.json()) as { commentId: string }).commentId };
  await page.close();
}

const rows = (page: Page) => page.getByRole('list', { name: 'Orders' }).locator(':scope > li');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
/** Whether the element is wholly inside the visible part of the page. */
const inView = (page: Page, id: string) =>
  page.locator(`[id="${id}"]`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('“All orders” on an order opened from the dashboard', () => {
  it('goes back to the list as it was left, as Back does, and asks first over typed work', async () => {
    await setUp();
    const page = await pageAs(seller, '/dashboard?q=listed');
    await expect.poll(() => rows(page).count()).toBe(25);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows(page).count()).toBe(30);

    const open = async (n: number) => {
      const link = rows(page).nth(n).locator('a');
      const id = (await link.getAttribute('id'))!;
      const title = (await link.locator('.title').textContent())!.trim();
      await link.click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      return id;
    };
    const allOrders = page.getByRole('link', { name: '← All orders' });

    const openedId = await open(28);
    // Its address stays the list's, for a new tab or window.
    expect(await allOrders.getAttribute('href')).toBe('/dashboard?q=listed');
    await allOrders.click();
    await expect.poll(() => rows(page).count()).toBe(30);
    expect(new URL(page.url()).search).toBe('?q=listed');
    await expect.poll(() => focusedId(page)).toBe(openedId);
    expect(await inView(page, openedId)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // Typed work on the order: the question comes once, and a refusal keeps the work.
    const secondId = await open(26);
    await page.locator('#edit-title').fill('Listed probe order, renamed');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await allOrders.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(await page.locator('#edit-title').inputValue()).toBe('Listed probe order, renamed');
    expect(new URL(page.url()).pathname).toMatch(/^\/orders\//);
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await allOrders.click();
    await expect.poll(() => rows(page).count()).toBe(30);
    await expect.poll(() => focusedId(page)).toBe(secondId);
    expect(asked).toEqual([expect.stringContaining('Leave this page?'), expect.stringContaining('Leave this page?')]);

    // Reached another way (its address), the link opens the list afresh.
    await page.goto(`${journey.server.url}/orders/${proofed.orderId}`);
    await allOrders.click();
    await page.waitForURL(/\/dashboard\?q=listed$/);
    await expect.poll(() => rows(page).count()).toBe(25);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  }, 240_000);
});

/** Where a thread's reply buttons are, from its reply box's corner, and where the count is. */
const replyLayout = (page: Page) =>
  page.locator(`[id="reply-${proofed.commentId}"]`).evaluate((input: HTMLInputElement) => {
    const box = input.getBoundingClientRect();
    const buttons = [...input.form!.querySelectorAll('button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { x: Math.round(r.left - box.left), y: Math.round(r.top - box.top), height: Math.round(r.height) };
    });
    const count = document.getElementById(`${input.id}-count`)?.getBoundingClientRect();
    return { buttons, boxHeight: box.height, count: count && { top: count.top - box.top, bottom: count.bottom - box.top } };
  });

describe('a thread’s reply box near its limit', () => {
  it('keeps Reply and Resolve where they are as the count comes and goes, beside the box on a desktop', async () => {
    await setUp();
    const page = await pageAs(seller, `/orders/${proofed.orderId}`);
    const box = page.locator(`[id="reply-${proofed.commentId}"]`);
    await box.waitFor();
    const empty = await replyLayout(page);
    expect(empty.buttons).toHaveLength(2);
    // Beside the box, on its line.
    for (const button of empty.buttons) expect(button.x).toBeGreaterThan(0);
    expect(empty.count).toBeUndefined();

    await box.fill(`${'y'.repeat(1950)}z`);
    await expect.poll(() => page.locator(`[id="reply-${proofed.commentId}-count"]`).textContent()).toBe('49 characters left');
    const near = await replyLayout(page);
    expect(near.buttons).toEqual(empty.buttons);
    // The count is under the box.
    expect(near.count!.top).toBeGreaterThanOrEqual(near.boxHeight);

    await box.fill('y'.repeat(2000));
    expect((await replyLayout(page)).buttons).toEqual(empty.buttons);
    await box.fill('');
    await expect.poll(async () => (await replyLayout(page)).count).toBeUndefined();
    expect((await replyLayout(page)).buttons).toEqual(empty.buttons);
    await page.close();
  });

  it('keeps them still on a phone too, the count between the box and the buttons', async () => {
    await setUp();
    const page = await pageAs(seller, `/orders/${proofed.orderId}`, phone);
    const box = page.locator(`[id="reply-${proofed.commentId}"]`);
    await box.waitFor();
    const empty = await replyLayout(page);
    await box.fill(`${'y'.repeat(1950)}z`);
    await expect.poll(async () => (await replyLayout(page)).count).toBeDefined();
    const near = await replyLayout(page);
    expect(near.buttons).toEqual(empty.buttons);
    expect(near.count!.top).toBeGreaterThanOrEqual(near.boxHeight);
    for (const button of near.buttons) expect(button.y).toBeGreaterThanOrEqual(near.count!.bottom);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });
});

describe('approving without the tick', () => {
  it('marks the tick and its message as an error, apart from the note below', async () => {
    await setUp();
    const page = await pageAs(customer, `/orders/${proofed.orderId}`, phone);
    await page.getByRole('button', { name: 'Approve v2' }).click();
    const message = page.locator('#decision-confirm-error');
    await expect.poll(() => message.textContent()).toBe('Tick this box once you have checked the files and the personalisation.');
    expect(await focusedId(page)).toBe('decision-confirm');
    expect(await page.locator('#decision-confirm').getAttribute('aria-describedby')).toContain('decision-confirm-error');
    expect(await page.locator('#decision-confirm').getAttribute('aria-invalid')).toBe('true');

    const looks = await message.evaluate((el) => {
      const danger = getComputedStyle(document.documentElement).getPropertyValue('--danger').trim();
      const probe = document.createElement('span');
      probe.style.color = danger;
      document.body.append(probe);
      const dangerColour = getComputedStyle(probe).color;
      probe.remove();
      // The group: the box, its words and the message.
      const group = el.parentElement!;
      const groupStyle = getComputedStyle(group);
      const note = document.querySelector('label[for="decision-note"]')!.getBoundingClientRect();
      return {
        colour: getComputedStyle(el).color === dangerColour,
        holdsBox: group.contains(document.getElementById('decision-confirm')),
        bar: groupStyle.borderLeftStyle === 'solid' && parseFloat(groupStyle.borderLeftWidth) >= 3 && groupStyle.borderLeftColor === dangerColour,
        gapBelow: note.top - group.getBoundingClientRect().bottom,
      };
    });
    expect(looks).toMatchObject({ colour: true, holdsBox: true, bar: true });
    expect(looks.gapBelow).toBeGreaterThanOrEqual(12);

    // Ticked, the marking goes with the message.
    await page.locator('#decision-confirm').check();
    await expect.poll(() => message.count()).toBe(0);
    expect(await page.locator('#decision-confirm').evaluate((box) => parseFloat(getComputedStyle(box.closest('label')!.parentElement!).borderLeftWidth))).toBe(0);
    await page.close();
  });
});

describe('the overlay comparison', () => {
  it('shows a portrait version and its slider within the screen’s height on a desktop, centred', async () => {
    await setUp();
    const page = await pageAs(seller, `/orders/${proofed.orderId}`);
    await page.getByRole('checkbox', { name: 'Overlay with a slider' }).check();
    const frame = page.locator('.compare-overlay .frame');
    // The portrait v2 sets the frame's proportions.
    await expect.poll(() => frame.evaluate((el) => el.clientHeight / el.clientWidth)).toBeCloseTo(60 / 40, 1);
    await frame.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const seen = await frame.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const slider = document.getElementById('reveal')!.getBoundingClientRect();
      const section = el.closest('.compare')!.getBoundingClientRect();
      const images = [...el.querySelectorAll('img')].map((img) => JSON.stringify(img.getBoundingClientRect()));
      return {
        height: box.height / window.innerHeight,
        sliderBottom: slider.bottom,
        sliderWidth: Math.round(slider.width),
        frameWidth: Math.round(box.width),
        offCentre: Math.abs(box.left - section.left - (section.right - box.right)),
        narrower: box.width < section.width,
        imagesAlike: new Set(images).size === 1,
        innerHeight: window.innerHeight,
      };
    });
    expect(seen.height).toBeLessThanOrEqual(0.71);
    expect(seen.sliderBottom).toBeLessThanOrEqual(seen.innerHeight);
    expect(seen.sliderWidth).toBe(seen.frameWidth);
    expect(seen.offCentre).toBeLessThanOrEqual(1);
    expect(seen).toMatchObject({ narrower: true, imagesAlike: true });
    await page.close();
  });
});

describe('the customer’s home', () => {
  it('lists an order waiting for a decision once, the other orders under way under their own heading', async () => {
    await setUp();
    const page = await pageAs(customer, '/home', phone);
    const waiting = page.getByRole('list', { name: 'Waiting for your decision' });
    await expect.poll(() => waiting.locator('.title').allInnerTexts()).toEqual(['Probe board']);
    expect(await page.getByRole('link', { name: /Probe board/ }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Other orders under way', level: 2 }).waitFor();
    expect(await page.getByRole('list', { name: 'Your orders under way' }).locator('.title').allInnerTexts()).toEqual(['Probe stool']);
    await page.close();
  });
});

describe('the form builder', () => {
  it('keeps the preview in view on a wide screen while the seller edits far down', async () => {
    const page = await pageAs(seller, '/forms');
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Long form');
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Add field' }).click();
    const lastQuestion = page.locator('#fe-6-label');
    await lastQuestion.fill('The last question');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const heading = page.getByRole('heading', { name: 'Preview', level: 2 });
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    expect(await page.getByRole('link', { name: 'See the preview' }).isVisible()).toBe(false);
    await page.close();
  });

  it('links from the form to the preview and back on a phone, where the preview follows the whole form', async () => {
    const page = await pageAs(seller, '/forms', phone);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form name').fill('Phone form');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add field' }).click();
    const toPreview = page.getByRole('link', { name: 'See the preview' });
    await toPreview.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('preview-title');
    await expect.poll(() => inView(page, 'preview-title')).toBe(true);
    expect(await page.locator('.preview-frame h3').textContent()).toBe('Phone form');
    await page.getByRole('link', { name: 'Back to the form' }).click();
    await expect.poll(() => focusedId(page)).toBe('editor-title');
    await expect.poll(() => inView(page, 'editor-title')).toBe(true);
    await page.close();
  });
});
