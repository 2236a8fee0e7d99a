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

/** axe's findings on the page as it stands, one line each, so a failure says what and where. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: page as never }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every screen of the portal, in the states people meet it in (errors shown, editors open,
 * a decision waiting), on a phone: no axe violation. The bench scores four pages with
 * Lighthouse; this keeps the rest from drifting.
 */
describe('accessibility of every screen', () => {
  it('holds for a visitor: sign-in, the request page with its errors, and a page that does not exist', async () => {
    const page = await phonePage();
    await page.goto(`${journey.server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('This field is required.').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto(`${journey.server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('holds for the seller: dashboard as list and board, an order in review, forms and their editor, settings, the dev mailbox', async () => {
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
  });

  it('holds for a customer: their orders, and a proof waiting for their decision', async () => {
    const page = await phonePage();
    await signInAs(journey, page, 'ana@demo.test');
    await page.locator('.order-list').first().waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: /Nonna/ }).first().click();
    await page.getByRole('heading', { name: 'Design proofs' }).waitFor();
    await page.locator('.timeline').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
