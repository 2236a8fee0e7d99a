import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';
import { fixture } from '#test/helpers/proofs.ts';

const journey = useJourney();

/** Each person signs in once per file, as a customer on a phone or the shop on a wide screen. */
const contexts = new Map<string, Promise<BrowserContext>>();
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };
const wide = { viewport: { width: 1280, height: 900 } };

async function pageAs(email: string, path: string): Promise<Page> {
  if (!contexts.has(email)) {
    contexts.set(
      email,
      (async () => {
        const context = await journey.browser.newContext(email === 'seller@demo.test' ? wide : phone);
        const first = await context.newPage();
        await signInAs(journey, first, email);
        await first.close();
        return context;
      })(),
    );
  }
  const page = await (await contexts.get(email)!).newPage();
  await page.goto(`${journey.server.url}${path}`);
  return page;
}
afterAll(async () => {
  for (const context of contexts.values()) await (await context).close();
});

/** Opens the customer's "Send a design of your own"; a click while images still arrive may land beside it, and is made again. */
async function openOwnDesignForm(page: Page) {
  const details = page.locator('details.earlier-review').filter({ hasText: 'Send a design of your own' });
  await expect
    .poll(async () => {
      if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await page.getByText('Send a design of your own').click();
      return details.evaluate((d: HTMLDetailsElement) => d.open);
    })
    .toBe(true);
}

/** The file list's boxes as [name, ticked], in the order listed. */
const ticks = (page: Page) =>
  page.getByRole('list', { name: 'Files' }).locator('input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => [b.getAttribute('aria-label'), (b as HTMLInputElement).checked]));

const newestActivity = (page: Page) => page.locator('.timeline li').first().innerText();

/** The order as the API gives it to the signed-in page. */
const orderOf = async (page: Page) => (await page.request.get(`${journey.server.url}/api${new URL(page.url()).pathname}`)).json();

const orderPaths: Record<string, string> = {};

describe('a design of your own', () => {
  it('lists a file uploaded and never sent as such, leaves it out until chosen, and sends each file once', async () => {
    const ana = await pageAs('ana@demo.test', '/home');
    await ana.getByRole('link', { name: /Wedding favour candles/ }).click();
    await ana.getByRole('heading', { name: 'Design proofs' }).waitFor();
    orderPaths.candles = new URL(ana.url()).pathname;
    await openOwnDesignForm(ana);
    await ana.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v1.png'));
    await expect.poll(() => ticks(ana)).toEqual([['In this proof: proof-v1.png', true]]);
    // She leaves without sending.
    await ana.close();

    const again = await pageAs('ana@demo.test', orderPaths.candles);
    await openOwnDesignForm(again);
    const leftover = again.getByRole('list', { name: 'Files' }).getByRole('listitem');
    await expect.poll(() => leftover.innerText()).toMatch(/^proof-v1\.png\nUploaded earlier \(.+\) and not sent\nIn this proof$/);
    // Left out until she chooses it again.
    expect(await ticks(again)).toEqual([['In this proof: proof-v1.png', false]]);
    await again.getByRole('button', { name: 'Send design v1' }).click();
    await again.getByText('Choose at least one file for this version.').waitFor();
    const box = again.getByRole('checkbox', { name: 'In this proof: proof-v1.png' });
    await box.focus();
    await again.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);

    // Another file, and the same sketch chosen again: it is listed once, and goes in once.
    await again.locator('.dropzone input[type=file]').setInputFiles([fixture('proof-v2.png'), fixture('proof-v1.png')]);
    await expect.poll(() => ticks(again)).toEqual([
      ['In this proof: proof-v2.png', true],
      ['In this proof: proof-v1.png', true],
    ]);
    await again.getByRole('button', { name: 'Send design v1' }).click();
    // Three uploads checked, a version made and the order read again: on a busy two-core CI machine this took over 10 s once.
    await expect.poll(() => again.getByText('Your design v1 was sent to the shop.', { exact: false }).isVisible(), { timeout: 30_000 }).toBe(true);
    const sent = await orderOf(again);
    expect(sent.designs[0].files.map((f: { filename: string }) => f.filename)).toEqual(['proof-v2.png', 'proof-v1.png']);
    // Sent, the sketch is listed once, as in v1, and chosen for nothing.
    await expect.poll(async () => (await ticks(again)).sort()).toEqual([
      ['In this proof: proof-v1.png', false],
      ['In this proof: proof-v2.png', false],
    ]);
    expect(await again.getByText('not sent', { exact: false }).count()).toBe(0);
    await again.close();
  }, 120_000);

  it('tells the customer in their own words what they did, and that the shop answers it with a proof: nothing of theirs to approve (ADR 0021)', async () => {
    const ana = await pageAs('ana@demo.test', orderPaths.candles!);
    await ana.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await expect.poll(() => newestActivity(ana)).toMatch(/^You sent your own design as v1\n.* · Ana Souza$/);
    // Each version is a heading under "Design proofs", looking as the bold name it was.
    const v1 = ana.getByRole('heading', { level: 3, name: 'v1', exact: true });
    expect(await v1.evaluate((h) => [getComputedStyle(h).fontSize, getComputedStyle(h).fontWeight, getComputedStyle(h).marginBottom, getComputedStyle(h).lineHeight])).toEqual(['16px', '700', '0px', '24px']);
    // Her own design is not hers to approve or turn down: the shop replies with a proof.
    const version = ana.locator('.versions > li').first();
    expect(await version.locator('.badge').first().innerText()).toBe('Waiting for the shop’s proof');
    expect(await version.getByText('The shop will reply to your design with a proof, which may be this same artwork. You approve that proof, or ask for changes on it.').isVisible()).toBe(true);
    expect(await ana.getByRole('heading', { name: 'Your decision on v1' }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: 'Approve v1' }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: 'Request changes' }).count()).toBe(0);
    expect(await ana.getByText('The shop is preparing a design proof for you.').isVisible()).toBe(true);

    // Her home does not list it as waiting for her decision: it is under way, with the shop.
    await ana.goto(`${journey.server.url}/home`);
    await ana.getByRole('heading', { name: 'Other orders under way' }).waitFor();
    const waiting = ana.getByRole('region', { name: 'Waiting for your decision' });
    expect(await waiting.getByRole('link', { name: /Wedding favour candles/ }).count()).toBe(0);
    expect(await ana.getByRole('list', { name: 'Your orders under way' }).getByRole('link', { name: /Wedding favour candles/ }).isVisible()).toBe(true);
    await ana.close();
  }, 60_000);

  it('is not offered once the customer approved a version, and the shop is told a new proof replaces the approval', async () => {
    const ana = await pageAs('ana@demo.test', '/home');
    await ana.getByRole('link', { name: /linen napkins/ }).click();
    await ana.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await expect.poll(() => ana.getByText('You approved v1, and the shop may already be making it. If something must change now, ask the shop: only the shop can re-open the design.').isVisible()).toBe(true);
    expect(await ana.getByText('Send a design of your own').count()).toBe(0);
    const path = new URL(ana.url()).pathname;
    await ana.close();

    const seller = await pageAs('seller@demo.test', path);
    await seller.getByRole('heading', { name: 'Send a proof' }).waitFor();
    expect(await seller.getByText('The customer approved v1. A new proof replaces that approval: the order goes back to design review until they approve again.').isVisible()).toBe(true);
    await seller.close();
  }, 60_000);

  it('tells the shop in the third person, and every status change in words', async () => {
    const seller = await pageAs('seller@demo.test', orderPaths.candles!);
    await expect.poll(() => newestActivity(seller)).toMatch(/^The customer sent their own design as v1\n.* · Ana Souza$/);
    const lines = await seller.locator('.timeline li').allInnerTexts();
    expect(lines.some((line) => line.startsWith('Moved from Quoted to In design\n'))).toBe(true);
    expect(lines.some((line) => /^Moved from Requested to Quoted \([\s\S]+\)\n/.test(line))).toBe(true);
    expect(lines.filter((line) => line.includes('→'))).toEqual([]);
    await seller.close();
  }, 60_000);

  it('tells the shop the customer’s design waits for its proof, and its proof of the same files is what the customer approves', async () => {
    const seller = await pageAs('seller@demo.test', orderPaths.candles!);
    await seller.getByRole('heading', { name: 'Send a proof' }).waitFor();
    await expect
      .poll(() => seller.getByText('The customer sent their own design as v1: it waits for your proof. Send it as it is, or your take on it, as a proof below for them to approve.').isVisible())
      .toBe(true);
    expect(await seller.locator('.versions > li').first().locator('.badge').first().innerText()).toBe('Waiting for your proof');
    // Design review's steps are not the shop's buttons: no approval by hand, production only with a reason.
    expect(await seller.getByRole('button', { name: 'Move to Approved' }).count()).toBe(0);
    expect(await seller.getByRole('button', { name: 'Start production without approval' }).isVisible()).toBe(true);
    expect(await seller.getByText('v1 is the customer’s own design: it waits for your proof.', { exact: false }).isVisible()).toBe(true);
    // Her files, one press away, go out as the shop's proof v2.
    // The order's files are listed in the order of their random ids: compared as a set.
    const sorted = async () => (await ticks(seller)).sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(await sorted()).toEqual([
      ['In this proof: proof-v1.png', false],
      ['In this proof: proof-v2.png', false],
    ]);
    await seller.getByRole('button', { name: 'Choose the files of v1' }).click();
    expect(await sorted()).toEqual([
      ['In this proof: proof-v1.png', true],
      ['In this proof: proof-v2.png', true],
    ]);
    await seller.getByRole('button', { name: 'Send proof v2' }).click();
    await expect.poll(() => seller.getByText('Proof v2 is on the customer’s order page.').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await seller.getByRole('button', { name: 'Choose the files of v1' }).count()).toBe(0);
    const sent = await orderOf(seller);
    expect(sent.order.status).toBe('awaiting_approval');
    expect(sent.designs.map((d: { version: number; state: string; author: { kind: string } }) => [d.version, d.state, d.author.kind])).toEqual([
      [2, 'awaiting_decision', 'seller'],
      [1, 'superseded', 'customer'],
    ]);
    await seller.close();

    // The shop's proof is the customer's to decide on.
    const ana = await pageAs('ana@demo.test', orderPaths.candles!);
    await expect.poll(() => ana.getByRole('heading', { level: 4, name: 'Your decision on v2' }).isVisible()).toBe(true);
    expect(await ana.getByRole('button', { name: 'Approve v2' }).isVisible()).toBe(true);
    await ana.close();
  }, 90_000);

  it('keeps the shop’s own upload after a reload, listed as not sent, to be chosen and sent', async () => {
    const seller = await pageAs('seller@demo.test', '/dashboard?status=in_design');
    await seller.getByRole('link', { name: /house-number plaque/ }).click();
    await seller.getByRole('heading', { name: 'Send a proof' }).waitFor();
    const path = new URL(seller.url()).pathname;
    await seller.locator('.dropzone input[type=file]').setInputFiles(fixture('proof-v2.png'));
    await expect.poll(() => ticks(seller)).toEqual([['In this proof: proof-v2.png', true]]);
    await seller.close();

    const again = await pageAs('seller@demo.test', path);
    await again.getByRole('heading', { name: 'Send a proof' }).waitFor();
    await expect.poll(() => again.getByRole('list', { name: 'Files' }).getByRole('listitem').innerText()).toMatch(/^proof-v2\.png\nUploaded earlier \(.+\) and not sent\nIn this proof$/);
    expect(await ticks(again)).toEqual([['In this proof: proof-v2.png', false]]);
    await again.getByRole('checkbox', { name: 'In this proof: proof-v2.png' }).focus();
    await again.keyboard.press('Space');
    await again.getByRole('button', { name: 'Send proof v1' }).click();
    await expect.poll(() => again.getByText('Proof v1 is on the customer’s order page.').isVisible()).toBe(true);
    expect((await orderOf(again)).designs[0].files.map((f: { filename: string }) => f.filename)).toEqual(['proof-v2.png']);
    await again.close();
  }, 60_000);

  it('says a withdrawal as the customer’s own act: “You withdrew” to them, “The customer withdrew” to the shop', async () => {
    const ana = await pageAs('ana@demo.test', '/home');
    await ana.getByRole('link', { name: /Engraved cutting board/ }).filter({ hasNotText: 'Nonna' }).click();
    await ana.getByRole('button', { name: 'Withdraw my request' }).click();
    await ana.getByLabel('Why? (optional)').fill('We found one nearer home');
    await ana.getByRole('button', { name: 'Withdraw the request' }).click();
    await expect.poll(() => newestActivity(ana)).toMatch(/^You withdrew your request: We found one nearer home\n/);
    const path = new URL(ana.url()).pathname;
    await ana.close();

    const seller = await pageAs('seller@demo.test', path);
    await expect.poll(() => newestActivity(seller)).toMatch(/^The customer withdrew their request: We found one nearer home\n.* · Ana Souza$/);
    await seller.close();
  }, 60_000);
});
