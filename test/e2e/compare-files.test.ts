import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';
import { fixture, sendProof } from '#test/helpers/proofs.ts';

const journey = useJourney();
const pageAs = signedInPages(journey, { width: 1280, height: 900 });
const phone = { width: 390, height: 844 };


/** A quoted order made through the API as the signed-in seller, for `customerEmail`. */
async function quotedOrder(page: Page, title: string, customerEmail: string): Promise<string> {
  const headers = { origin: journey.server.url };
  const created = await page.request.post(`${journey.server.url}/api/orders`, { headers, data: { title, customer: { name: 'Ben Okafor', email: customerEmail } } });
  expect(created.status()).toBe(201);
  const { orderId } = (await created.json()) as { orderId: string };
  const moved = await page.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers, data: { to: 'quoted', version: 1 } });
  expect(moved.status()).toBe(200);
  return orderId;
}

/** A small PNG of one colour, as a design file named `name`. */
async function png(name: string, colour: string, width: number, height: number) {
  return { name, mimeType: 'image/png', buffer: await sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer() };
}

/** On the seller's order page: uploads `files` and sends them, in that order and alone, as proof v`version`. */
async function sendFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>, version: number) {
  await page.getByRole('heading', { name: 'Send a proof' }).waitFor();
  const boxes = page.getByRole('checkbox', { name: 'In this proof' });
  const before = await boxes.count();
  const refusals = page.locator('.upload-list .error');
  // One at a time: the local S3 stand-in (s3rver) now and then fails one of two simultaneous uploads.
  for (const [i, file] of files.entries()) {
    await page.locator('.dropzone input[type=file]').setInputFiles(file);
    // The new file is offered once it has arrived (or says why it was refused), listed after those added before it.
    await expect.poll(async () => (await boxes.count()) + (await refusals.count())).toBe(before + i + 1);
    expect(await refusals.allInnerTexts()).toEqual([]);
  }
  for (let i = 0; i < files.length; i++) await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
  // Chosen again one by one, so the version lists them in this order.
  for (let i = 0; i < before + files.length; i++) await boxes.nth(i).uncheck();
  for (let i = 0; i < files.length; i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: `Send proof v${version}` }).click();
  await expect.poll(() => page.getByText(`Proof v${version} is on the customer’s order page.`).isVisible()).toBe(true);
}

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
/** The options of a select, as shown, and the one chosen. */
const options = (page: Page, name: string) =>
  select(page, name).evaluate((s: HTMLSelectElement) => ({ all: Array.from(s.options).map((o) => o.text), chosen: s.selectedOptions[0]?.text }));
const sideBySide = (page: Page) => page.locator('.compare-side img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt));
const captions = (page: Page) => page.locator('.compare-side figcaption').allInnerTexts();

describe('comparing versions file by file', () => {
  it('lets each side choose which of its version’s files to compare, front with front by default, on a phone', async () => {
    const seller = await pageAs('seller@demo.test', '/dashboard');
    const orderId = await quotedOrder(seller, 'Coaster set, front and back', 'cy@example.test');
    await seller.goto(`${journey.server.url}/orders/${orderId}`);
    await sendFiles(seller, [await png('front.png', '#cc3333', 40, 30), await png('back.png', '#335999', 40, 30)], 1);
    // v2 lists its back first: the left side still shows the file of the same name, not its own first.
    await sendFiles(seller, [await png('back.png', '#228844', 30, 40), await png('front.png', '#ddaa22', 30, 40)], 2);
    await sendFiles(seller, [await png('back.png', '#884488', 40, 30)], 3);
    await seller.close();

    const page = await pageAs('seller@demo.test', `/orders/${orderId}`, phone);
    await page.getByRole('heading', { name: 'Compare versions' }).waitFor();
    // Newest on the right: v3 has one file, so it offers no file to choose.
    expect(await options(page, 'Right version')).toEqual({ all: ['v3', 'v2', 'v1'], chosen: 'v3' });
    expect(await select(page, 'Right file').count()).toBe(0);
    expect(await options(page, 'Left version')).toEqual({ all: ['v3', 'v2', 'v1'], chosen: 'v2' });
    expect(await options(page, 'Left file')).toEqual({ all: ['back.png', 'front.png'], chosen: 'back.png' });
    await expect.poll(() => sideBySide(page)).toEqual(['Proof v2: back.png', 'Proof v3: back.png']);

    // Another version on the right brings its file named as the left one's, though listed second.
    await select(page, 'Right version').selectOption({ label: 'v1' });
    expect(await options(page, 'Right file')).toEqual({ all: ['front.png', 'back.png'], chosen: 'back.png' });
    await expect.poll(() => sideBySide(page)).toEqual(['Proof v2: back.png', 'Proof v1: back.png']);
    // Captioned as the proof's images are, with the way to the full-size file.
    expect(await captions(page)).toEqual(['v2 · back.png · Open full size', 'v1 · back.png · Open full size']);
    expect(await page.locator('.compare').getByRole('link', { name: 'Open full size: back.png, v1' }).count()).toBe(1);

    // A file chosen on one side leaves the other as it is: v1's front beside v2's back.
    await select(page, 'Right file').selectOption({ label: 'front.png' });
    await expect.poll(() => sideBySide(page)).toEqual(['Proof v2: back.png', 'Proof v1: front.png']);
    // With the keyboard: from the left version to its file, and down one to the front.
    await select(page, 'Left version').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-left-file');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sideBySide(page)).toEqual(['Proof v2: front.png', 'Proof v1: front.png']);

    // Two images of different shapes still overlay in one frame, with the slider.
    await page.getByRole('checkbox', { name: 'Overlay with a slider' }).check();
    const stacked = page.locator('.compare-overlay img');
    expect(await stacked.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt))).toEqual(['Proof v2: front.png', 'Proof v1: front.png']);
    expect(await page.locator('.compare-overlay-caption').innerText()).toBe('Left: v2 · front.png · Right: v1 · front.png');
    await page.getByRole('slider', { name: 'How much of the left version, v2, to show', exact: true }).fill('30');
    await expect.poll(() => page.locator('.compare-overlay img.top').evaluate((img: HTMLElement) => img.style.clipPath)).toBe('inset(0px 0px 0px 30%)');
    await expect.poll(async () => new Set(await stacked.evaluateAll((imgs) => imgs.map((img) => JSON.stringify(img.getBoundingClientRect())))).size).toBe(1);
    expect(await page.locator('.compare-overlay .frame').evaluate((el) => el.clientHeight / el.clientWidth)).toBeCloseTo(40 / 30, 1);
    // Another file in the overlay is overlaid in its turn.
    await select(page, 'Right file').selectOption({ label: 'back.png' });
    await expect.poll(() => stacked.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt))).toEqual(['Proof v2: front.png', 'Proof v1: back.png']);

    // Nothing runs off the side of the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const [left, right] = await Promise.all([select(page, 'Left file').boundingBox(), select(page, 'Right file').boundingBox()]);
    expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
    expect(right!.x + right!.width).toBeLessThanOrEqual(phone.width);
    await page.close();
  }, 120_000);
});

describe('the seller’s step back to design', () => {
  it('offers no step back for the customer’s own design, which waits for the shop’s proof, and “Withdraw the proof” for the shop’s proof', async () => {
    const seller = await pageAs('seller@demo.test', '/dashboard');
    const orderId = await quotedOrder(seller, 'Tea towel with our own drawing', 'ben@demo.test');
    const orderPath = `/orders/${orderId}`;

    const customer = await pageAs('ben@demo.test', orderPath, phone);
    await customer.getByText('Send a design of your own').click();
    await customer.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v2.png'));
    await expect.poll(() => customer.getByRole('checkbox', { name: 'In this proof: proof-v2.png' }).isChecked()).toBe(true);
    await customer.getByRole('button', { name: 'Send design v1' }).click();
    await expect.poll(() => customer.getByText(/^Your design v1 was sent to the shop\./).isVisible()).toBe(true);
    await customer.close();

    // Their design is no proof of the shop's: the order is in design, waiting for the shop's proof (ADR 0021).
    await seller.goto(`${journey.server.url}${orderPath}`);
    await seller.getByRole('heading', { name: 'Next step' }).waitFor();
    await expect.poll(() => seller.locator('.versions > li').first().getByText('The customer’s own design').isVisible()).toBe(true);
    expect(await seller.locator('.versions > li').first().locator('.badge').first().innerText()).toBe('Waiting for your proof');
    expect(await seller.getByText('The customer sent their own design as v1: it waits for your proof. Send it as it is, or your take on it, as a proof below for them to approve.').isVisible()).toBe(true);
    expect(await seller.getByRole('button', { name: 'Return to design' }).count()).toBe(0);
    expect(await seller.getByRole('button', { name: 'Withdraw the proof' }).count()).toBe(0);

    // The shop's own proof, sent next, is the shop's to withdraw.
    await sendProof(seller, 'proof-v1.png', 2);
    await expect.poll(() => seller.getByRole('button', { name: 'Withdraw the proof', exact: true }).isVisible()).toBe(true);
    expect(await seller.getByRole('button', { name: 'Withdraw the proof', exact: true }).getAttribute('class')).toContain('secondary');
    expect(await seller.getByRole('button', { name: 'Return to design' }).count()).toBe(0);
    await seller.close();
  }, 90_000);
});
