import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';
import { fixture, sendProof } from '#test/helpers/proofs.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';
const customer = 'rana@probe.test';
/** Hebrew first, Latin, an emoji and Arabic last: 33 characters as a person counts them. */
const engraving = 'מזל טוב Ana & Luís 💍 2026 — مرحبا';

/** An order for Rana made through the API as the signed-in seller, moved on to `to`. */
async function orderFor(page: Page, title: string, to: 'quoted' | 'in_design'): Promise<string> {
  const headers = { origin: journey.server.url };
  const created = await page.request.post(`${journey.server.url}/api/orders`, {
    headers,
    data: { title, personalization: engraving, customer: { name: 'Rana Probe', email: customer } },
  });
  expect(created.status()).toBe(201);
  const { orderId } = (await created.json()) as { orderId: string };
  const steps = to === 'quoted' ? ['quoted'] : ['quoted', 'in_design'];
  for (const [i, step] of steps.entries()) {
    const moved = await page.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers, data: { to: step, version: i + 1 } });
    expect(moved.status()).toBe(200);
  }
  return orderId;
}

/** A new order of Rana's with proof v1 waiting for her decision. */
async function proofWaiting(title: string): Promise<string> {
  const page = await pageAs(seller, '/dashboard');
  const orderId = await orderFor(page, title, 'quoted');
  await page.goto(`${journey.server.url}/orders/${orderId}`);
  await sendProof(page, 'proof-v1.png', 1);
  await page.close();
  return orderId;
}

type Decided = { designs: Array<{ designId: string; files: Array<{ sha256: string }>; decision?: { at: string } }> };

/** Rana's order whose v1 she approved, with a note, as the portal sends it; made once, by the first journey that needs it. */
let approved: Promise<{ orderId: string; designId: string; approvedAt: string }> | undefined;
const approvedOrder = () => (approved ??= approve());
async function approve() {
  const orderId = await proofWaiting('Wedding sign');
  const page = await pageAs(customer, '/');
  const url = `${journey.server.url}/api/orders/${orderId}`;
  const v1 = ((await (await page.request.get(url)).json()) as Decided).designs[0]!;
  const decided = await page.request.post(`${url}/designs/${v1.designId}/decision`, {
    headers: { origin: journey.server.url },
    data: { decision: 'approve', note: 'Looks perfect! شكرا', confirm: { sha256s: v1.files.map((f) => f.sha256), personalization: engraving } },
  });
  expect(decided.status()).toBe(200);
  const approvedAt = ((await (await page.request.get(url)).json()) as Decided).designs[0]!.decision!.at;
  await page.close();
  return { orderId, designId: v1.designId, approvedAt };
}

/**
 * Where the parts of an exact text are drawn on its line: the opening quote, the isolated text,
 * the closing quote and the count, left to right, none inside another.
 */
const exactTextLayout = (holder: Locator) =>
  holder.evaluate((holder) => {
    const bdi = holder.querySelector('bdi')!;
    const count = holder.querySelector('.text-length')!;
    const charBox = (node: Node, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect();
    };
    const open = charBox(bdi.previousSibling!, bdi.previousSibling!.textContent!.length - 1);
    const close = charBox(bdi.nextSibling!, 0);
    const text = bdi.getBoundingClientRect();
    const counted = count.getBoundingClientRect();
    return {
      text: bdi.textContent,
      isolated: getComputedStyle(bdi).unicodeBidi,
      count: count.textContent,
      inOrder: open.right <= text.left + 0.5 && text.right <= close.left + 0.5 && close.right <= counted.left + 0.5,
    };
  });

describe('an exact right-to-left personalisation, and whose words are whose', () => {
  it('keeps the text apart from its quotes and count where the customer confirms it, and calls their own words “You”', async () => {
    const orderId = await proofWaiting('Wedding board');
    const page = await pageAs(customer, `/orders/${orderId}`);
    await page.getByRole('heading', { name: 'Your decision on v1' }).waitFor();
    const facts = page.locator('.decide dl.facts dd').nth(1);
    expect(await facts.textContent()).toBe(`“${engraving}” (33 characters)`);
    expect(await exactTextLayout(facts)).toEqual({ text: engraving, isolated: 'isolate', count: '(33 characters)', inOrder: true });
    // On a phone the text wraps, and the count stays whole, after it.
    await page.setViewportSize(phone);
    const countLines = await facts.locator('.text-length').evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size);
    expect(countLines).toBe(1);

    // The customer's own comment, and the shop's reply to it.
    await page.getByLabel('Comment on this proof', { exact: true }).fill('Please make the Hebrew bigger');
    await page.getByRole('button', { name: 'Add comment' }).click();
    const shop = await pageAs(seller, `/orders/${orderId}`);
    await shop.getByRole('textbox', { name: 'Reply to Customer: “Please make the Hebrew bigger”' }).fill('Of course! בשמחה');
    await shop.getByRole('button', { name: 'Reply to the thread “Please make the Hebrew bigger” on v1', exact: true }).click();
    await expect.poll(() => shop.getByText('Reply added.').isVisible()).toBe(true);
    await expect.poll(() => shop.locator('.threads article strong').allTextContents()).toEqual(['Customer', 'Shop:']);

    await page.reload();
    const reply = page.getByRole('textbox', { name: 'Reply to your comment: “Please make the Hebrew bigger”' });
    await reply.waitFor();
    expect(await page.locator('.threads article strong').allTextContents()).toEqual(['You', 'Shop:']);
    expect(await page.locator('.threads .reply bdi').textContent()).toBe('Of course! בשמחה');

    await page.getByRole('checkbox', { name: /I checked the files/ }).check();
    await page.getByLabel('Note for the shop').fill('Looks perfect! شكرا');
    await page.getByRole('button', { name: 'Approve v1' }).click();
    await expect.poll(() => page.getByText('the design is approved').isVisible()).toBe(true);
    await page.getByText('You: “Looks perfect! شكرا”').waitFor();
    expect(await page.getByText('Customer: “Looks perfect! شكرا”').count()).toBe(0);
    await shop.reload();
    await shop.getByText('Customer: “Looks perfect! شكرا”').waitFor();
    await page.close();
    await shop.close();
  }, 120_000);
});

/** Opens the receipt of the approved order's v1, as the link in the portal does. */
async function openReceipt(page: Page) {
  const { orderId, designId } = await approvedOrder();
  return (await page.goto(`${journey.server.url}/api/orders/${orderId}/designs/${designId}/approval-receipt`))!;
}

/** The value beside a label of the receipt. */
const row = (page: Page, label: string) => page.locator('dt').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

describe('the approval receipt', () => {
  it('says when in words with the exact time on record, and the personalisation as the portal does, apart from its quotes', async () => {
    const { approvedAt } = await approvedOrder();
    const page = await pageAs(customer, '/');
    await openReceipt(page);
    await page.getByRole('heading', { name: 'Design approval receipt' }).waitFor();
    const approved = await row(page, 'Approved at').innerText();
    // "Wednesday, December 2, 2026 at 04:25:39 UTC", then the value recorded, unchanged.
    expect(approved).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4} at \d{2}:\d{2}:\d{2} UTC\nRecorded as /);
    expect(approved).toContain(`Recorded as ${approvedAt}`);
    expect(approved).toContain(`at ${approvedAt.slice(11, 19)} UTC`);
    expect(await row(page, 'Proof').innerText()).toMatch(/^Version 1, posted [A-Z][a-z]+day, .+ UTC\nRecorded as \d{4}-\d{2}-\d{2}T/);
    expect(await page.locator('body').innerText()).not.toContain('Personalization');
    expect(await exactTextLayout(row(page, 'Personalisation confirmed'))).toEqual({
      text: engraving,
      isolated: 'isolate',
      count: '(33 characters)',
      inOrder: true,
    });
    expect(await row(page, 'Customer’s note').innerText()).toBe('Looks perfect! شكرا');
    await page.close();
  });

  it('is styled by its own sheet under its Content-Security-Policy, and fits a phone, the SHA-256 wrapping', async () => {
    await approvedOrder();
    const page = await pageAs(customer, '/', phone);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    const response = await openReceipt(page);
    const policy = (await response.allHeaders())['content-security-policy']!;
    // Still nothing from elsewhere and no script; no inline style but its own.
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await page.getByRole('heading', { name: 'Design approval receipt' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(247, 243, 238)');
    expect(refused).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const hash = page.locator('code.hash');
    expect(await hash.textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash.evaluate((el) => el.getClientRects().length)).toBeGreaterThan(1);
    await page.close();
  });
});

describe('sending a proof without files', () => {
  it('says to choose a file, and stops saying it once files are chosen; pressed again with none, says it again', async () => {
    const page = await pageAs(seller, '/dashboard', phone);
    const orderId = await orderFor(page, 'Board in design', 'in_design');
    await page.goto(`${journey.server.url}/orders/${orderId}`);
    const send = page.getByRole('button', { name: 'Send proof v1' });
    const message = page.getByText('Choose at least one file for this version.');
    await send.click();
    await message.waitFor();

    await page.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v1.png'));
    const chosen = page.getByRole('checkbox', { name: 'In this proof: proof-v1.png' });
    await expect.poll(() => chosen.isChecked()).toBe(true);
    expect(await message.count()).toBe(0);

    await chosen.uncheck();
    expect(await message.count()).toBe(0);
    await send.click();
    await message.waitFor();
    await chosen.check();
    await expect.poll(() => message.count()).toBe(0);
    await send.click();
    await expect.poll(() => page.getByText('Proof v1 is on the customer’s order page.').isVisible()).toBe(true);
    await page.close();
  });
});

describe('a pin placed with the keyboard', () => {
  it('says where it is as it moves, and Escape takes it away, keeping the comment typed', async () => {
    const orderId = await proofWaiting('Keyboard pin sign');
    const page = await pageAs(customer, `/orders/${orderId}`);
    const surface = page.locator('.pin-surface').first();
    await surface.focus();
    await page.keyboard.press('Enter');
    const said = page.locator('.pin-surface + [aria-live="polite"]').first();
    await expect.poll(() => said.textContent()).toBe('Pin at 50% across, 50% down.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => said.textContent()).toBe('Pin at 55% across, 45% down.');
    const box = page.getByLabel('Comment on the pinned spot', { exact: true });
    await box.fill('A little higher, please');
    await surface.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.pin.draft').count()).toBe(0);
    expect(await said.textContent()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pin-surface'))).toBe(true);
    expect(await page.getByLabel('Comment on this proof', { exact: true }).first().inputValue()).toBe('A little higher, please');
    await page.close();
  });
});

describe('an approved version a newer one has replaced', () => {
  it('stays approved on record, with its receipt, and says it was replaced', async () => {
    const orderId = await proofWaiting('Replaced sign');
    const theirs = await pageAs(customer, '/');
    const url = `${journey.server.url}/api/orders/${orderId}`;
    const v1 = ((await (await theirs.request.get(url)).json()) as Decided).designs[0]!;
    const decided = await theirs.request.post(`${url}/designs/${v1.designId}/decision`, {
      headers: { origin: journey.server.url },
      data: { decision: 'approve', confirm: { sha256s: v1.files.map((f) => f.sha256), personalization: engraving } },
    });
    expect(decided.status()).toBe(200);
    await theirs.close();

    const page = await pageAs(seller, `/orders/${orderId}`);
    // Back from an approval asks first (test/e2e/proof-follow-up.test.ts).
    await page.getByRole('button', { name: 'Back to In design', exact: true }).click();
    await page.getByRole('button', { name: 'Set the approval aside', exact: true }).click();
    await expect.poll(() => page.locator('.page-head .badge').first().innerText()).toBe('In design');
    await sendProof(page, 'proof-v2.png', 2);
    const badges = page.locator('.versions .badge');
    await expect.poll(() => badges.allInnerTexts()).toEqual(['Waiting for the customer', 'Approved, then replaced by v2']);
    expect(await page.getByRole('link', { name: /Approval receipt/ }).count()).toBe(1);
    await page.close();
  });
});
