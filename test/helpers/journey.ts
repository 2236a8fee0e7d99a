import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '#test/helpers/browser.ts';
import { startTestServer } from '#test/helpers/test-server.ts';

export type Journey = { server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser };

/** For a browser-journey file: the whole product and Chromium, started once, stopped after. */
export function useJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    [journey.server, journey.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}

/** The link in the newest email to `to` (fragment and all), pointed at the journey's server. */
export function emailedLink(journey: Journey, to: string): string {
  const message = journey.server.mailbox.list().find((m) => m.to === to);
  const link = message && /https?:\/\/\S+/.exec(message.text)?.[0];
  if (!link) throw new Error(`no email with a link to ${to}`);
  const url = new URL(link);
  return `${journey.server.url}${url.pathname}${url.search}${url.hash}`;
}

/** Signs `page` in as `email` the way a person does: the sign-in page, then the emailed link. */
export async function signInAs(journey: Journey, page: Page, email: string): Promise<void> {
  await page.goto(`${journey.server.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/sign-in\/sent/);
  await page.goto(emailedLink(journey, email));
  await page.getByRole('button', { name: 'Continue to Atelier' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/auth'));
}
