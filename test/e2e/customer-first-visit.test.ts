import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailedLink, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();
const customer = 'first.visit@example.test';

/** The newest email to `to`, with the address of the portal's sign-in page that its links share. */
function newestEmailTo(to: string) {
  const message = journey.server.mailbox.list().find((m) => m.to === to);
  if (!message) throw new Error(`no email to ${to}`);
  const link = /https?:\/\/\S+/.exec(message.text)![0];
  return { ...message, signInPage: `${new URL(link).origin}/sign-in` };
}

async function focusedId(page: Page) {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
}

describe('a customer who has never been to Atelier', () => {
  beforeAll(async () => {
    // The request is sent as the shop's page sends it; the intake journeys test the form itself.
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.url}/s/demo`);
    const status = await page.evaluate(async (email) => {
      const res = await fetch('/api/shops/demo/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Fern First', email, answers: { engraving: 'The Firsts', wood: 'Oak', size: 'Small (30 × 20 cm)' } }),
      });
      return res.status;
    }, customer);
    expect(status).toBe(201);
    await page.close();
  });

  it('is told in the request email, text and HTML, the sign-in address to come back to later', () => {
    const email = newestEmailTo(customer);
    expect(email.subject).toMatch(/^Willow & Wick received your request WW-/);
    expect(email.text).toContain(`To come back later, go to ${email.signInPage} and ask for a new sign-in link with this email address (${customer}).`);
    expect(email.html).toContain(`href="${email.signInPage}"`);
    expect(email.html).toContain(`To come back later, go to <a href="${email.signInPage}">${email.signInPage}</a> and ask for a new sign-in link with this email address (${customer}).`);
    // The button's link stays the first address in the text, where people and the tests look for it.
    expect(/https?:\/\/\S+/.exec(email.text)![0]).toMatch(/\/auth\/verify#token=/);
  });

  it('is greeted in words that fit a first visit, then can open and close the withdraw question with the keyboard', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(emailedLink(journey, customer));
    await expect.poll(() => page.getByRole('heading', { name: 'Open your Atelier page', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText('Welcome back').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await page.waitForURL(/\/orders\/[a-z0-9]{16}$/);

    const toggle = page.getByRole('button', { name: 'Withdraw my request', exact: true });
    await toggle.click();
    // Opening the question puts the keyboard in its first field.
    await expect.poll(() => focusedId(page)).toBe('withdraw-why');
    await page.keyboard.type('Changed my mind');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#withdraw-why').count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedId(page)).toBe('Withdraw my request');

    // From the toggle itself, with the question open, Escape closes it too; what was typed is kept.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('withdraw-why');
    expect(await page.locator('#withdraw-why').inputValue()).toBe('Changed my mind');
    await toggle.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#withdraw-why').count()).toBe(0);
    expect(await focusedId(page)).toBe('Withdraw my request');
    // Nothing was withdrawn.
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('Requested');
    await page.close();
  });

  it('is told in a sign-in email where to ask again when its link has run out', async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.url}/sign-in`);
    await page.getByLabel('Email address').fill(customer);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.waitForURL(/\/sign-in\/sent/);
    const email = newestEmailTo(customer);
    expect(email.subject).toBe('Your Atelier sign-in link');
    expect(email.text).toContain(`Link expired or used? Ask for a new one with this email address at ${email.signInPage}`);
    expect(email.html).toContain(`Ask for a new one with this email address at <a href="${email.signInPage}">${email.signInPage}</a>.`);
    await page.close();
  });
});
