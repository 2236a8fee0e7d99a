import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';
import { fixture, sendProof as sendProofAlone } from '#test/helpers/proofs.ts';

const journey = useJourney();

let sellerContext: BrowserContext | undefined;

/**
 * A page signed in as the demo seller, on the dashboard. The seller signs in once per file:
 * more sign-in links than the per-address limit allows would be refused, as they should be.
 */
async function sellerPage(viewport?: { width: number; height: number }): Promise<Page> {
  if (!sellerContext) {
    sellerContext = await journey.browser.newContext();
    const first = await sellerContext.newPage();
    await signInAs(journey, first, 'seller@demo.test');
    await first.close();
  }
  const page = await sellerContext.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${journey.server.url}/dashboard`);
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  return page;
}

/** Sends a proof while its reload is held: the notice must come with the page it describes. */
async function sendProof(seller: Page, file: string, version: number) {
  const boxes = seller.getByRole('checkbox', { name: 'In this proof' });
  const before = await boxes.count();
  // On a slow network too, the notice comes with the page it describes: the new version listed, its file offered again.
  await sendProofAlone(seller, file, version, {
    beforeSend: () => seller.route(/\/api\/orders\/[a-z0-9]{16}$/, async (route) => setTimeout(() => void route.continue(), 400), { times: 1 }),
  });
  expect(await seller.locator('.versions .version-name').allInnerTexts()).toContain(`v${version}`);
  expect(await boxes.count()).toBe(before + 1);
}

/**
 * Opens the customer's "Send a design of your own". A click while the page still moves (images
 * arriving on a busy machine) can land beside the summary; a person would click again, and so do we.
 */
async function openOwnDesignForm(page: Page) {
  const details = page.locator('details.earlier-review');
  await expect
    .poll(async () => {
      if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await page.getByText('Send a design of your own').click();
      return details.evaluate((d: HTMLDetailsElement) => d.open);
    })
    .toBe(true);
}

describe('design review in the portal', () => {
  it('runs a proof from upload to approval: changes on v1, approval on v2, a receipt', async () => {
    const seller = await sellerPage();
    await seller.getByRole('tab', { name: /Quoted/ }).click();
    await seller.getByRole('link', { name: /dog collar/ }).click();
    await seller.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const orderUrl = seller.url();

    // The progress bar shows while the file travels to storage.
    await seller.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v1.png'));
    await expect.poll(async () => (await seller.locator('progress').count()) + (await seller.getByRole('checkbox', { name: 'In this proof' }).count())).toBeGreaterThan(0);
    await expect.poll(() => seller.getByRole('checkbox', { name: 'In this proof' }).count()).toBe(1);
    await seller.getByRole('button', { name: 'Send proof v1' }).click();
    await expect.poll(() => seller.getByText('Proof v1 is on the customer’s order page.').isVisible()).toBe(true);
    await expect.poll(() => seller.getByRole('img', { name: 'Proof v1: proof-v1.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);

    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.goto(orderUrl);
    await customer.getByRole('heading', { name: 'Your decision on v1' }).waitFor();
    // Approval waits for the customer to confirm what they checked, and says so when pressed before.
    await customer.getByRole('button', { name: 'Approve v1' }).click();
    await customer.getByText('Tick this box once you have checked the files and the personalisation.').waitFor();
    expect(await customer.getByText('Waiting for you', { exact: true }).count()).toBe(1);
    // The status card points to the decision, which comes after the proof on a phone.
    await customer.getByRole('link', { name: 'Look at the proof and decide' }).click();
    // In place: no history entry (test/e2e/proof-follow-up.test.ts), the proof's version at the top.
    await expect.poll(async () => (await customer.getByRole('heading', { name: 'v1', exact: true }).boundingBox())!.y).toBeLessThan(200);
    expect(new URL(customer.url()).hash).toBe('');
    const proofTop = (await customer.getByRole('img', { name: 'Proof v1: proof-v1.png' }).boundingBox())!.y;
    const decisionTop = (await customer.getByRole('heading', { name: 'Your decision on v1' }).boundingBox())!.y;
    expect(proofTop).toBeLessThan(decisionTop);

    // A comment on the whole proof takes no number: the first pin is still 1.
    await customer.getByLabel('Comment on this proof').first().fill('Lovely so far.');
    await customer.getByRole('button', { name: 'Add comment' }).first().click();
    await expect.poll(() => customer.getByText('Lovely so far.').isVisible()).toBe(true);
    // A pin on the spot that should change: click three quarters across, a quarter down.
    const surface = customer.getByRole('button', { name: /proof-v1\.png: click a spot/ });
    await surface.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await customer.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
    await customer.getByLabel('Comment on the pinned spot').fill('Move the name here');
    await customer.getByRole('button', { name: 'Add pinned comment' }).click();
    await expect.poll(() => customer.getByRole('link', { name: 'Comment 1' }).isVisible()).toBe(true);
    const pinned = await customer.getByRole('link', { name: 'Comment 1' }).evaluate((a: HTMLElement) => [parseFloat(a.style.left), parseFloat(a.style.top)]);
    // Where it was clicked, within two points (the border and sub-pixel layout).
    expect(Math.abs(pinned[0]! - 75)).toBeLessThan(2);
    expect(Math.abs(pinned[1]! - 25)).toBeLessThan(2);

    await customer.getByLabel('Note for the shop').fill('Please make the name bigger');
    await customer.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => customer.getByText('Your change request was sent to the shop.').isVisible()).toBe(true);

    await seller.reload();
    await expect.poll(() => seller.getByText('Customer: “Please make the name bigger”').isVisible()).toBe(true);
    await sendProof(seller, 'proof-v2.png', 2);

    await customer.reload();
    await customer.getByRole('heading', { name: 'Your decision on v2' }).waitFor();
    // v1 and v2 side by side, then stacked with the slider.
    await customer.getByRole('heading', { name: 'Compare versions' }).waitFor();
    await expect.poll(() => customer.locator('.compare-side img').count()).toBe(2);
    await customer.getByRole('checkbox', { name: 'Overlay with a slider' }).check();
    await customer.getByRole('slider', { name: 'How much of the left version, v1, to show', exact: true }).fill('20');
    await expect.poll(() => customer.locator('.compare-overlay img.top').evaluate((img: HTMLElement) => img.style.clipPath)).toBe('inset(0px 0px 0px 20%)');
    // v1 is landscape and v2 portrait: the frame takes v2's proportions and both fill the same box.
    const boxes = () => customer.locator('.compare-overlay img').evaluateAll((imgs) => imgs.map((img) => JSON.stringify(img.getBoundingClientRect())));
    await expect.poll(async () => new Set(await boxes()).size).toBe(1);
    const frame = await customer.locator('.compare-overlay .frame').evaluate((el) => el.clientHeight / el.clientWidth);
    expect(frame).toBeCloseTo(60 / 40, 1);
    await customer.getByText('“BISCUIT · 07700 900123” (22 characters)').waitFor();
    await customer.getByRole('checkbox', { name: /I checked the files/ }).check();
    await customer.getByRole('button', { name: 'Approve v2' }).click();
    await expect.poll(() => customer.getByText('the design is approved').isVisible()).toBe(true);

    await seller.reload();
    await expect.poll(() => seller.getByText('Approved', { exact: true }).first().isVisible()).toBe(true);
    const receipt = await seller.request.get(await seller.getByRole('link', { name: 'Approval receipt' }).getAttribute('href').then((href) => `${journey.server.url}${href}`));
    expect(receipt.status()).toBe(200);
    expect(await receipt.text()).toMatch(/proof-v2\.png/);
    await seller.close();
    await customer.close();
  }, 120_000);

  it('lets a customer send a design of their own, which the shop then sees as the next version', async () => {
    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ana@demo.test');
    // On an approved order, a design of their own is not offered: the approval stands (ADR 0019).
    await customer.getByRole('link', { name: /linen napkins/ }).click();
    await expect.poll(() => customer.getByText(/^You approved v1, and the shop may already be making it\./).isVisible()).toBe(true);
    expect(await customer.getByText('Send a design of your own').count()).toBe(0);
    await customer.goBack();
    await customer.getByRole('link', { name: /Wedding favour candles/ }).click();
    await customer.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const orderUrl = customer.url();
    await openOwnDesignForm(customer);
    expect(await customer.getByText(/A new version replaces that approval/).count()).toBe(0);
    await customer.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v2.png'));
    const send = customer.getByRole('button', { name: 'Send design v1' });
    await expect.poll(() => customer.getByRole('checkbox', { name: 'In this proof: proof-v2.png' }).isChecked()).toBe(true);
    await customer.getByLabel('Note to the shop').fill('Our own artwork, from the invitation');
    await send.click();
    await expect.poll(() => customer.getByText('Your design v1 was sent to the shop. The shop will reply with a proof for you to approve.').isVisible()).toBe(true);
    expect(await customer.locator('.versions > li').first().getByText('Your own design').isVisible()).toBe(true);
    // Her own design is not hers to approve: the shop answers it with a proof (ADR 0021).
    expect(await customer.getByRole('button', { name: 'Approve v1' }).count()).toBe(0);
    await customer.close();

    // The shop sees whose design it is, and the activity says so with the customer's name.
    const seller = await sellerPage();
    await seller.goto(orderUrl);
    await expect.poll(() => seller.getByText('Our own artwork, from the invitation').isVisible()).toBe(true);
    expect(await seller.locator('.versions > li').first().getByText('The customer’s own design').isVisible()).toBe(true);
    expect(await seller.locator('.timeline li').first().innerText()).toMatch(/^The customer sent their own design as v1\n.* · Ana Souza$/);
    await expect.poll(() => seller.getByRole('img', { name: 'Proof v1: proof-v2.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await seller.close();
  }, 60_000);

  it('offers the shop no approval by hand: starting production with a reason leaves the customer nothing to decide', async () => {
    const seller = await sellerPage();
    await seller.getByRole('link', { name: /Pet portrait coasters/ }).click();
    await seller.getByRole('heading', { name: 'Next step' }).waitFor();
    const orderUrl = seller.url();
    expect(await seller.getByRole('button', { name: 'Move to Approved' }).count()).toBe(0);
    await expect.poll(() => seller.getByText('The customer approves the proof below or asks for changes.').isVisible()).toBe(true);
    // Back to design is the shop taking its proof back, not the expected next step.
    expect(await seller.getByRole('button', { name: 'Withdraw the proof' }).getAttribute('class')).toContain('secondary');
    await seller.getByRole('button', { name: 'Start production without approval' }).click();
    await seller.getByLabel('Why start before the customer approved?').fill('Approved in Etsy Messages');
    await seller.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => seller.getByText('Moved to In production.').isVisible()).toBe(true);
    await seller.close();

    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.goto(orderUrl);
    await customer.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await expect.poll(() => customer.getByText('Moved from Awaiting approval to In production (Approved in Etsy Messages)').isVisible()).toBe(true);
    expect(await customer.getByRole('heading', { name: /Your decision/ }).count()).toBe(0);
    expect(await customer.getByRole('link', { name: 'Look at the proof and decide' }).count()).toBe(0);
    expect(await customer.getByText('Not decided', { exact: true }).count()).toBe(1);
    expect(await customer.getByText('Waiting for you', { exact: true }).count()).toBe(0);
    await customer.close();
  }, 60_000);

  it('tells a customer whose decision comes too late what happened, and shows the order as it is now', async () => {
    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ana@demo.test');
    await customer.getByRole('list', { name: 'Waiting for your decision' }).getByRole('link', { name: /Nonna/ }).click();
    await customer.getByRole('heading', { name: 'Your decision on v2' }).waitFor();

    // Meanwhile the shop takes its proof back.
    const seller = await sellerPage();
    await seller.goto(customer.url());
    await seller.getByRole('button', { name: 'Withdraw the proof' }).click();
    await expect.poll(() => seller.getByText('Moved to In design.').isVisible()).toBe(true);
    await seller.close();

    await customer.getByLabel('Note for the shop').fill('A warmer oak, please.');
    await customer.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => customer.getByRole('status').filter({ hasText: 'no longer waiting for your decision' }).isVisible()).toBe(true);
    await expect.poll(() => customer.getByRole('heading', { name: 'Your decision on v2' }).count()).toBe(0);
    expect(await customer.getByText('The shop is preparing a design proof for you.').isVisible()).toBe(true);
    expect(await customer.getByText('Withdrawn by the shop', { exact: true }).count()).toBe(1);
    // The note written meanwhile is shown, not thrown away.
    await customer.getByText('Your note was not sent, as no proof is waiting for your decision now: “A warmer oak, please.”').waitFor();
    await customer.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => customer.getByText(/Your note was not sent/).count()).toBe(0);
    await customer.close();
  }, 60_000);

  it('says, to both sides, when the personalisation no longer is the one the customer approved', async () => {
    const seller = await sellerPage();
    await seller.getByRole('tab', { name: /Approved/ }).click();
    await seller.getByRole('link', { name: /linen napkins/ }).click();
    const field = seller.getByLabel('Personalisation');
    await expect.poll(() => field.inputValue()).toBe('A·S');
    const warning = seller.getByText(/The customer approved v\d+ with “A·S”\. This text is not what they approved/);
    expect(await warning.count()).toBe(0);
    // Typing a new text warns before it is saved, and the warning stays with the saved text.
    await field.fill('A·S·L');
    await expect.poll(() => warning.isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => seller.getByText('Saved.').isVisible()).toBe(true);
    await expect.poll(() => warning.isVisible()).toBe(true);
    const orderUrl = seller.url();

    const customer = await journey.browser.newPage();
    await signInAs(journey, customer, 'ana@demo.test');
    await customer.goto(orderUrl);
    await expect.poll(() => customer.getByText(/The shop changed the personalisation after you approved v\d+ with “A·S”\./).isVisible()).toBe(true);
    // The text approved is isolated inside its quotes, as right-to-left text needs.
    expect(await customer.locator('.notice bdi').allTextContents()).toEqual(['A·S']);
    // The activity says what changed, in words, not field names.
    await expect.poll(() => customer.locator('.timeline li').first().innerText()).toMatch(/^Personalisation changed from “A·S” to “A·S·L”\n/);

    // Back to the approved text, nobody is warned. The first "Saved." goes when the second save
    // begins (held here, so a stale notice could not pass for the new one).
    await field.fill('A·S');
    await expect.poll(() => warning.count()).toBe(0);
    await seller.route(/\/api\/orders\/[a-z0-9]{16}$/, async (route) => setTimeout(() => void route.continue(), 400), { times: 1 });
    await seller.getByRole('button', { name: 'Save details' }).click();
    expect(await seller.getByText('Saved.').count()).toBe(0);
    await expect.poll(() => seller.getByText('Saved.').isVisible()).toBe(true);
    await customer.reload();
    await customer.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await customer.getByText(/The shop changed the personalisation/).count()).toBe(0);
    await customer.close();
    await seller.close();
  });

  it('lets the seller set the free revision rounds and the message past them, with the keyboard', async () => {
    const seller = await sellerPage({ width: 390, height: 844 });
    await seller.getByRole('link', { name: 'Settings' }).click();
    await seller.getByRole('heading', { name: 'Shop settings' }).waitFor();
    expect(await seller.getByLabel(/Free revision rounds per order/).inputValue()).toBe('2');

    await seller.getByLabel(/Free revision rounds per order/).fill('1');
    await seller.getByLabel(/Message past the free rounds/).focus();
    await seller.keyboard.type('Extra rounds: see the Paid revision listing.');
    // The preview shows the customer's view as it is typed.
    await expect.poll(() => seller.locator('.preview-box').innerText()).toMatch(/past 1 free round:\s+Extra rounds: see the Paid revision listing\./);
    await seller.keyboard.press('Tab');
    await seller.keyboard.press('Enter');
    await expect.poll(() => seller.getByText(/^Saved\. New orders include these terms/).isVisible()).toBe(true);

    await seller.reload();
    await expect.poll(() => seller.getByLabel(/Free revision rounds per order/).inputValue()).toBe('1');
    expect(await seller.getByLabel(/Message past the free rounds/).inputValue()).toBe('Extra rounds: see the Paid revision listing.');
    await seller.close();
  }, 60_000);

  it('renders a PDF proof page by page with pdf.js, and pins a comment on page 2 with the keyboard', async () => {
    const seller = await sellerPage();
    await seller.getByRole('tab', { name: /In design/ }).click();
    await seller.getByRole('link', { name: /house-number plaque/ }).click();
    await seller.getByRole('heading', { name: 'Design proofs' }).waitFor();
    const orderUrl = seller.url();
    await sendProof(seller, 'proof-2-pages.pdf', 1);
    await sendProof(seller, 'proof-2-pages.pdf', 2);
    await seller.close();

    const customer = await journey.browser.newPage();
    const pdfRequests: string[] = [];
    customer.on('request', (r) => {
      if (/pdf-pages|pdf\.worker/.test(r.url())) pdfRequests.push(r.url());
    });
    await signInAs(journey, customer, 'ben@demo.test');
    // pdf.js is not part of the pages that have no PDF.
    expect(pdfRequests).toEqual([]);
    await customer.goto(orderUrl);
    const pages = customer.locator('.pinned-review').getByRole('img', { name: /proof-2-pages\.pdf, page \d of 2/ });
    await expect.poll(() => pages.count(), { timeout: 20_000 }).toBe(2);
    // Page 1 is drawn red in its middle, page 2 blue: the canvases hold the real pages.
    const middle = (n: number) =>
      pages.nth(n).evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(c.width / 2, c.height / 2, 1, 1).data.slice(0, 3)));
    await expect.poll(() => middle(0), { timeout: 10_000 }).toEqual([204, 51, 51]);
    await expect.poll(() => middle(1), { timeout: 10_000 }).toEqual([51, 89, 153]);
    // PDF versions compare side by side by their first pages.
    await expect.poll(() => customer.locator('.compare-side canvas').count()).toBe(2);
    expect(await customer.getByRole('checkbox', { name: 'Overlay with a slider' }).count()).toBe(0);

    // A pin dropped by mistake is taken away from the keyboard, which goes on in the comment.
    await customer.getByRole('button', { name: /page 2 of 2: click a spot/ }).focus();
    await customer.keyboard.press('Enter');
    await customer.getByRole('button', { name: 'Remove pin' }).focus();
    await customer.keyboard.press('Enter');
    expect(await customer.getByRole('button', { name: 'Remove pin' }).count()).toBe(0);
    expect(await customer.evaluate(() => document.activeElement?.id)).toMatch(/^comment-/);

    await customer.getByRole('button', { name: /page 2 of 2: click a spot/ }).focus();
    await customer.keyboard.press('Enter');
    await customer.keyboard.press('ArrowRight');
    await customer.keyboard.press('ArrowRight');
    await customer.getByLabel('Comment on the pinned spot').fill('A little more space here');
    await customer.getByRole('button', { name: 'Add pinned comment' }).click();
    await expect.poll(() => customer.getByText(/^1\. You, page 2/).isVisible()).toBe(true);
    const page = await (await customer.request.get(`${journey.server.url}/api${new URL(orderUrl).pathname}`)).json();
    const pin = page.comments.find((c: { body: string }) => c.body === 'A little more space here').pin;
    expect(pin).toMatchObject({ page: 2, y: 0.5 });
    expect(pin.x).toBeCloseTo(0.6, 5);
    await customer.close();
  }, 90_000);

  it('asks a customer to confirm again when the shop changes the personalisation while they look', async () => {
    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.getByRole('list', { name: 'Waiting for your decision' }).getByRole('link', { name: /house-number plaque/ }).click();
    await customer.getByRole('heading', { name: /Your decision on v\d/ }).waitFor();
    await expect.poll(() => customer.getByText('“42 Willow Lane” (14 characters)').isVisible()).toBe(true);
    await customer.getByRole('checkbox', { name: /I checked the files/ }).check();
    await customer.getByLabel('Note for the shop').fill('Lovely, thank you!');

    // Meanwhile the shop corrects the text.
    const seller = await sellerPage();
    await seller.goto(customer.url());
    await seller.getByLabel('Personalisation').fill('42 Willow Lane, Bath');
    await seller.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => seller.getByText('Saved.').isVisible()).toBe(true);
    await seller.close();

    // The approval of the old text is refused; the page shows the new one, unticked.
    await customer.getByRole('button', { name: /^Approve v\d/ }).click();
    await expect.poll(() => customer.getByText(/The shop changed what you were asked to confirm while you were looking/).isVisible()).toBe(true);
    await expect.poll(() => customer.getByText('“42 Willow Lane, Bath” (20 characters)').isVisible()).toBe(true);
    expect(await customer.getByRole('checkbox', { name: /I checked the files/ }).isChecked()).toBe(false);
    // What changed since the tick is said, and the note typed is kept.
    await customer.getByText('The personalisation was “42 Willow Lane” when you ticked the box; the shop has changed it to “42 Willow Lane, Bath”.').waitFor();
    expect(await customer.getByLabel('Note for the shop').inputValue()).toBe('Lovely, thank you!');
    // Approving without the tick says what is missing and takes the keyboard there.
    await customer.getByRole('button', { name: /^Approve v\d/ }).click();
    await customer.getByText('Tick this box once you have checked the files and the personalisation.').waitFor();
    expect(await customer.evaluate(() => document.activeElement?.id)).toBe('decision-confirm');
    // The proof waits for the person reading: said to them as such.
    expect(await customer.getByText('Waiting for you', { exact: true }).count()).toBe(1);

    await customer.getByRole('checkbox', { name: /I checked the files/ }).check();
    await customer.getByRole('button', { name: /^Approve v\d/ }).click();
    await expect.poll(() => customer.getByText('Thank you: the design is approved and production can start.').isVisible()).toBe(true);
    // The approval carries the note typed before the shop's change.
    await customer.getByText('You: “Lovely, thank you!”').waitFor();
    await customer.close();
  });

  it('keeps a proof readable and the comment at hand: files by name, full size, a tiny image, the box under the tapped spot, a newer version said', async () => {
    const seller = await sellerPage({ width: 390, height: 844 });
    await seller.getByLabel('Status', { exact: true }).selectOption('requested');
    await seller.getByRole('link', { name: /Engraved cutting board/ }).filter({ hasNotText: 'Nonna' }).click();
    await seller.getByRole('button', { name: 'Move to Quoted' }).click();
    await seller.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => seller.getByText('Moved to Quoted.').isVisible()).toBe(true);
    const orderUrl = seller.url();

    // Sending while the file is still on its way says to wait, and each file's box is named by its file.
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await seller.route((url) => !url.pathname.startsWith('/api/'), async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await arrived;
      await route.continue();
    });
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#9b3d2f' } }).png().toBuffer();
    await seller.locator('.dropzone input[type=file]').setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: tiny });
    await seller.getByRole('progressbar', { name: 'Uploading tiny.png' }).waitFor();
    await seller.getByRole('button', { name: 'Send proof v1' }).click();
    await seller.getByText('Wait for the upload to finish, then send.').waitFor();
    release();
    const box = seller.getByRole('checkbox', { name: 'In this proof: tiny.png' });
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    await seller.getByRole('button', { name: 'Send proof v1' }).click();
    await seller.getByText('Choose at least one file for this version.').waitFor();
    await box.check();
    await seller.getByRole('button', { name: 'Send proof v1' }).click();
    // Said where the seller is looking, though the page's message area is far above the button.
    const sent = seller.getByRole('status').filter({ hasText: 'Proof v1 is on the customer’s order page.' });
    await sent.waitFor();
    await expect.poll(() => sent.evaluate((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);

    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await signInAs(journey, customer, 'ana@demo.test');
    await customer.goto(orderUrl);
    await customer.getByRole('heading', { name: 'Your decision on v1' }).waitFor();
    // The file by name, openable at full size, and a tiny image shown large enough to pin on.
    const fullSize = customer.getByRole('link', { name: 'Open full size: tiny.png' });
    expect(await fullSize.getAttribute('target')).toBe('_blank');
    expect(await fullSize.getAttribute('href')).toMatch(/^\/api\/orders\/[a-z0-9]{16}\/files\//);
    const image = customer.getByRole('img', { name: 'Proof v1: tiny.png' });
    await expect.poll(async () => (await image.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(240);

    // A tapped spot brings the comment box to just under it, ready to type in.
    await image.tap();
    const comment = customer.getByLabel('Comment on the pinned spot');
    await expect.poll(() => comment.evaluate((el) => el === document.activeElement)).toBe(true);
    const gap = (await comment.boundingBox())!.y - ((await image.boundingBox())!.y + (await image.boundingBox())!.height);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(120);
    await comment.fill('Bigger, please.\nAnd warmer.');

    // Meanwhile the shop sends v2: the comment goes on v1, and the customer is told v2 came.
    await seller.unroute(() => true);
    await sendProofAlone(seller, 'proof-v1.png', 2);
    await customer.getByRole('button', { name: 'Add pinned comment' }).click();
    await customer.getByText('The shop sent v2 while you were on this page: it is shown first below.').waitFor();
    await customer.getByText('Comments on v1 (1)').click();
    // The line break typed is kept on screen.
    expect(await customer.locator('.threads article > p').nth(1).innerText()).toBe('Bigger, please.\nAnd warmer.');
    await customer.close();
    await seller.close();
  }, 90_000);
});
