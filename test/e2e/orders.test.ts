import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();

/** The link of the newest email to `to`, made relative to the test journey.server. */
function newestLink(to: string): string {
  const message = journey.server.mailbox.list().find((m) => m.to === to);
  const link = message && /https?:\/\/\S+/.exec(message.text)?.[0];
  if (!link) throw new Error(`no email with a link to ${to}`);
  const url = new URL(link);
  return `${journey.server.url}${url.pathname}${url.search}`;
}

describe('a custom request, from the customer to the seller', () => {
  it('is asked for on /s/demo, followed from the emailed link, and moved to quoted by the seller', async () => {
    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await customer.goto(`${journey.server.url}/s/demo`);
    await customer.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();

    // Sending it half-filled shows what is missing, field by field.
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => customer.getByText('This field is required.').count()).toBeGreaterThanOrEqual(3);

    await customer.getByLabel('Engraving text').fill('Cara & Dev · 2026');
    await customer.getByRole('radio', { name: 'Walnut' }).check();
    await customer.getByRole('radio', { name: 'Medium (40 × 25 cm)' }).check();
    await customer.getByRole('checkbox', { name: 'Gift box' }).check();
    // A reference photo goes straight to storage, with its own progress, before sending.
    await customer.getByLabel('Photos or sketches').setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'proof-v1.png'));
    await expect.poll(() => customer.getByText('Attached', { exact: true }).isVisible()).toBe(true);
    await customer.getByLabel('Your name').fill('Cara Dev');
    await customer.getByLabel('Your email').fill('cara@example.test');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await customer.getByRole('heading', { name: 'Request sent' }).waitFor();
    const reference = (await customer.locator('.notice strong').textContent())!;
    expect(reference).toMatch(/^WW-[0-9A-Z]{4}$/);

    // The emailed link signs the customer in and lands on the order.
    await customer.goto(newestLink('cara@example.test'));
    await customer.getByRole('button', { name: 'Continue to Atelier' }).click();
    await customer.waitForURL(/\/orders\/[a-z0-9]{16}$/);
    await customer.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    await expect.poll(() => customer.getByText('The shop has your request and will reply with a quote.').isVisible()).toBe(true);
    await expect.poll(() => customer.getByText('Cara & Dev · 2026').isVisible()).toBe(true);
    // The attached photo is a file of the order, shown by its thumbnail.
    await expect.poll(() => customer.getByRole('img', { name: 'Attached by the customer: proof-v1.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const orderUrl = customer.url();

    // The seller finds it on the dashboard by its reference and quotes it.
    const seller = await journey.browser.newPage();
    await seller.goto(`${journey.server.url}/sign-in`);
    await seller.getByLabel('Email address').fill('seller@demo.test');
    await seller.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await seller.waitForURL(/\/sign-in\/sent/);
    await seller.goto(newestLink('seller@demo.test'));
    await seller.getByRole('button', { name: 'Continue to Atelier' }).click();
    await seller.waitForURL(/\/dashboard$/);
    await seller.getByRole('tab', { name: /Requested/ }).click();
    await seller.getByRole('link', { name: new RegExp(reference) }).click();
    await seller.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    // Only the allowed next steps are offered.
    expect(await seller.getByRole('button', { name: 'Move to Shipped' }).count()).toBe(0);
    await seller.getByRole('button', { name: 'Move to Quoted' }).click();
    await expect.poll(() => seller.getByText('Moved to Quoted.').isVisible()).toBe(true);
    await expect.poll(() => seller.getByText('Requested → Quoted').isVisible()).toBe(true);

    // The customer sees the new status.
    await customer.goto(orderUrl);
    await expect.poll(() => customer.getByText('The shop sent you a quote.', { exact: false }).isVisible()).toBe(true);
    await customer.close();
    await seller.close();
  });
});
