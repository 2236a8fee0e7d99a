import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';
import { sendProof } from '#test/helpers/proofs.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const narrowPhone = { width: 320, height: 640 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';
const customer = 'joao@probe.test';
const engraving = 'Ana & João — 12.06.2026';

async function sellerApi<T = Record<string, unknown>>(method: string, path: string, data?: unknown): Promise<T> {
  const page = await pageAs(seller, '/dashboard');
  const res = await page.request.fetch(`${journey.server.url}/api${path}`, { method, headers: { origin: journey.server.url }, ...(data ? { data } : {}) });
  await page.close();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The answers the order keeps for the request with this reference, as the seller reads them. */
async function keptAnswers(reference: string): Promise<Record<string, unknown>> {
  const { items } = await sellerApi<{ items: Array<{ orderId: string }> }>('GET', `/orders?q=${encodeURIComponent(reference)}`);
  const { order } = await sellerApi<{ order: { intake: { answers: Array<{ fieldId: string; value: unknown }> } } }>('GET', `/orders/${items[0]!.orderId}`);
  return Object.fromEntries(order.intake.answers.map((a) => [a.fieldId, a.value]));
}

/** Fills in who is asking and sends the request; its reference. */
async function send(page: Page, name: string, email: string): Promise<string> {
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Your email', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send my request' }).click();
  await page.getByRole('heading', { name: 'Request sent', level: 1 }).waitFor();
  return (await page.locator('.notice strong').textContent())!;
}

describe('an optional colour question', () => {
  const fields = [
    { id: 'tile', type: 'color', label: 'Tile colour', required: true },
    { id: 'edge', type: 'color', label: 'Edge colour' },
  ];

  it('is left unanswered unless the customer picks a colour; a required one is still answered', async () => {
    const form = await sellerApi<{ formId: string }>('POST', '/shop/intake-forms', { name: 'Glass coaster', fields });
    const page = await journey.browser.newPage({ viewport: narrowPhone });
    await page.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await page.getByRole('heading', { name: 'Glass coaster', level: 1 }).waitFor();
    const none = page.getByRole('checkbox', { name: 'No preference for Edge colour', exact: true });
    expect(await none.isChecked()).toBe(true);
    // The required question has no such way out.
    expect(await page.getByRole('checkbox', { name: 'No preference for Tile colour', exact: true }).count()).toBe(0);
    const shownTile = await page.locator('#q-tile').inputValue();
    const reference = await send(page, 'Cora Coaster', 'cora@example.test');
    expect(await keptAnswers(reference)).toEqual({ tile: shownTile });
  });

  it('keeps a picked colour, and forgets it again when "No preference" is ticked', async () => {
    const form = await sellerApi<{ formId: string }>('POST', '/shop/intake-forms', { name: 'Glass tray', fields });
    const page = await journey.browser.newPage({ viewport: narrowPhone });
    await page.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await page.getByRole('heading', { name: 'Glass tray', level: 1 }).waitFor();
    const none = page.getByRole('checkbox', { name: 'No preference for Edge colour', exact: true });
    await page.locator('#q-edge').fill('#1a6b5c');
    await expect.poll(() => none.isChecked()).toBe(false);
    await none.check();
    const cleared = await send(page, 'Tam Tray', 'tam@example.test');
    expect(await keptAnswers(cleared)).not.toHaveProperty('edge');

    const again = await journey.browser.newPage({ viewport: narrowPhone });
    await again.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await again.locator('#q-edge').fill('#1a6b5c');
    const picked = await send(again, 'Tam Tray', 'tam@example.test');
    expect(await keptAnswers(picked)).toMatchObject({ edge: '#1a6b5c' });
  });
});

describe('the decision box on a 320 px phone', () => {
  it('shows the file name and the exact text whole, wrapped only at spaces, inside the box', async () => {
    const shop = await pageAs(seller, '/dashboard');
    const headers = { origin: journey.server.url };
    const created = await shop.request.post(`${journey.server.url}/api/orders`, { headers, data: { title: 'Wedding plaque', personalization: engraving, customer: { name: 'João Probe', email: customer } } });
    expect(created.status()).toBe(201);
    const { orderId } = (await created.json()) as { orderId: string };
    expect((await shop.request.post(`${journey.server.url}/api/orders/${orderId}/transitions`, { headers, data: { to: 'quoted', version: 1 } })).status()).toBe(200);
    await shop.goto(`${journey.server.url}/orders/${orderId}`);
    await sendProof(shop, 'proof-v1.png', 1);

    const page = await pageAs(customer, `/orders/${orderId}`, narrowPhone);
    await page.getByRole('heading', { name: 'Your decision on v1' }).waitFor();
    const layout = await page.locator('.decide').evaluate((box) => {
      const inner = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight);
      const [files, text] = [...box.querySelectorAll('dl.facts dd')] as HTMLElement[];
      /** The lines a run of characters of `node`'s text is drawn on. */
      const linesOf = (node: Node, from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const fileName = files!.querySelector('bdi')!.firstChild!;
      const typed = text!.querySelector('bdi')!.firstChild!;
      const date = typed.textContent!.indexOf('12.06.2026');
      const rightmost = Math.max(...[...box.querySelectorAll('dl.facts *')].flatMap((el) => [...el.getClientRects()].map((r) => r.right)));
      return {
        fileNameLines: linesOf(fileName, 0, fileName.textContent!.length),
        dateLines: linesOf(typed, date, date + '12.06.2026'.length),
        countLines: new Set([...text!.querySelector('.text-length')!.getClientRects()].map((r) => Math.round(r.top))).size,
        inside: rightmost <= inner + 0.5,
      };
    });
    expect(layout).toEqual({ fileNameLines: 1, dateLines: 1, countLines: 1, inside: true });
  });
});
