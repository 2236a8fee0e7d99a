import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '#test/helpers/browser.ts';
import { startTestServer } from '#test/helpers/test-server.ts';

type Journey = { server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser };

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
