import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emailedLink, signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();

async function openSignInLink(page: Page) {
  await page.goto(`${journey.server.url}/dev/mailbox`);
  await page.getByRole('link', { name: /auth\/verify#token=/ }).first().click();
  await page.waitForURL(/\/auth\/verify#token=/);
}

describe('signing in', () => {
  it('takes the seller from the sign-in page through the dev mailbox to the dashboard, and out again', async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.url}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('Email address').fill('seller@demo.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);

    // The token rides in the link's fragment: no request the browser makes carries it, in its address or its Referer.
    const sent: string[] = [];
    page.on('request', (request) => void sent.push(request.url(), request.headers()['referer'] ?? ''));
    await openSignInLink(page);
    const token = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The link alone signs nobody in: only the click does.
    expect((await page.context().cookies()).some((c) => c.name === 'atelier_session')).toBe(false);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await page.waitForURL(/\/dashboard$/);
    // Signed in, the address bar and the history hold the token no more.
    expect(page.url()).toBe(`${journey.server.url}/dashboard`);
    expect(await page.evaluate(() => history.length)).toBeGreaterThan(1);
    expect(sent.filter((s) => s.includes(token!))).toEqual([]);
    await page.goBack();
    await page.waitForURL(/\/dev\/mailbox$/);
    await page.goForward();
    await page.waitForURL(/\/dashboard$/);
    await expect.poll(() => page.getByRole('link', { name: 'Willow & Wick' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Orders' }).isVisible()).toBe(true);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'atelier_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${journey.server.url}/dashboard`);
    await page.waitForURL(/\/sign-in\?next=%2Fdashboard/);
    await page.close();
  });

  it('asks the server who is signed in only after someone has signed in here, so public pages log no error', async () => {
    const page = await journey.browser.newPage();
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => void (new URL(request.url()).pathname === '/api/me' && asked.push(page.url())));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    for (const path of ['/sign-in', '/s/demo', '/dashboard']) {
      await page.goto(`${journey.server.url}${path}`);
      await page.locator('main h1').first().waitFor();
    }
    // The dashboard sent a stranger to sign in, as before, without asking.
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);

    await page.goto(`${journey.server.url}/sign-in`);
    await page.getByLabel('Email address').fill('ben@demo.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    await openSignInLink(page);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await page.waitForURL(/\/home$/);
    const marker = (await page.context().cookies()).find((c) => c.name === 'atelier_signed_in');
    expect(marker).toMatchObject({ value: '1', httpOnly: false, sameSite: 'Lax' });
    await page.goto(`${journey.server.url}/s/demo`);
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    await page.goto(`${journey.server.url}/home`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('atelier_signed_in');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an expired-link page, with a way to get a new link, for a used or unknown token', async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.url}/auth/verify#token=${'x'.repeat(43)}&next=%2Fsettings`);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /expired or was already used/ }).isVisible()).toBe(true);
    // Tried once, the token leaves the address bar; the landing path stays.
    expect(page.url()).toBe(`${journey.server.url}/auth/verify#next=%2Fsettings`);
    // A new link pasted over this page changes only the fragment, and the page takes it up without loading again.
    await page.goto(`${journey.server.url}/auth/verify#token=${'z'.repeat(43)}`);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /expired or was already used/ }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${journey.server.url}/auth/verify`);
    // A link sent before links carried the token in their fragment still opens the page, and leaves the address bar the same way.
    await page.goto(`${journey.server.url}/auth/verify?token=${'y'.repeat(43)}&next=%2Fsettings`);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /expired or was already used/ }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${journey.server.url}/auth/verify?next=%2Fsettings`);
    await expect.poll(() => page.getByLabel('Email address').isVisible()).toBe(true);
    await page.close();
  });

  it('offers a new link for a link cut short, and the way in to someone already signed in', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${journey.server.url}/auth/verify?token=abc%20def`);
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'This sign-in link is not complete' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Continue to Atelier' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('Email address').isVisible()).toBe(true);

    // Signed in from the email, then the same link tapped again: used, but the way in is right there.
    await page.goto(`${journey.server.url}/sign-in`);
    await page.getByLabel('Email address').fill('ben@demo.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
    await openSignInLink(page);
    const link = page.url();
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await page.waitForURL(/\/home$/);
    await page.goto(link);
    await expect.poll(() => page.locator('main .notice.info').innerText()).toBe('You are signed in as ben@demo.test. Go to your page');
    await page.getByRole('button', { name: 'Continue to Atelier' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /expired or was already used/ }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Go to your page' }).click();
    await page.waitForURL(/\/home$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Your orders' }).isVisible()).toBe(true);
    await page.close();
  });

  it('works on a phone and with the keyboard alone', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${journey.server.url}/sign-in`);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    // Tab from the top: skip link, brand, then the email field.
    for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.id === 'email')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type('ana@demo.test');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in\/sent/);
    await openSignInLink(page);
    await page.getByRole('button', { name: 'Continue to Atelier' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Your orders' }).isVisible()).toBe(true);
    // The proof waiting for Ana leads the page, above the list of everything.
    const waiting = page.getByRole('list', { name: 'Waiting for your decision' });
    await expect.poll(() => waiting.getByRole('link').allInnerTexts()).toEqual([expect.stringContaining("Nonna's kitchen")]);
    const waitingTop = (await waiting.boundingBox())!.y;
    expect(waitingTop).toBeLessThan((await page.getByRole('list', { name: 'Your orders' }).boundingBox())!.y);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  it("tells a customer who opens their order's link signed out to sign in to see it, with the email they gave the shop", async () => {
    // Ana's order, as its address reaches her (the link in the shop's email).
    const signedIn = await journey.browser.newContext();
    const her = await signedIn.newPage();
    await signInAs(journey, her, 'ana@demo.test');
    await her.getByRole('link', { name: /Nonna/ }).first().click();
    await her.waitForURL(/\/orders\//);
    const orderPath = new URL(her.url()).pathname;
    await signedIn.close();

    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const page = await (await journey.browser.newContext({ viewport })).newPage();
      await page.goto(`${journey.server.url}${orderPath}`);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.getByRole('heading', { name: 'Sign in to see your order', level: 1 }).waitFor();
      expect(await page.title()).toBe('Sign in to see your order · Atelier');
      expect(await page.locator('#email-hint').textContent()).toBe('Enter the email address you gave the shop: we email it a link that opens your order. No password needed.');
      expect(await page.getByText('Sellers manage custom orders here', { exact: false }).count()).toBe(0);
      expect(await page.getByText('Are you the shop? Sign in with the email address you use for Atelier.').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      if (viewport.width > 390) {
        await page.context().close();
        continue;
      }
      // The link emailed opens the order.
      await page.getByLabel('Email address').fill('ana@demo.test');
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.waitForURL(/\/sign-in\/sent/);
      await page.goto(emailedLink(journey, 'ana@demo.test'));
      await page.getByRole('button', { name: 'Continue to Atelier' }).click();
      await page.waitForURL((u) => u.pathname === orderPath);
      await page.context().close();
    }

    // Any other way in keeps the page as it was.
    const page = await journey.browser.newPage();
    await page.goto(`${journey.server.url}/settings`);
    await page.waitForURL(/\/sign-in\?next=%2Fsettings/);
    await page.getByRole('heading', { name: 'Sign in to Atelier', level: 1 }).waitFor();
    expect(await page.locator('#email-hint').textContent()).toBe('We email you a link that signs you in. No password needed.');
    expect(await page.getByText('Sellers manage custom orders here; customers follow theirs. Everyone signs in with their email.').isVisible()).toBe(true);
    await page.close();
  });
});
