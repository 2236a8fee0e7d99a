import type { Page } from 'playwright-core';

/**
 * A slow network on demand: the first request `matches` picks reaches the server at once, but its
 * answer is handed to the page only on `release()`. Later matching requests pass untouched.
 */
export async function holdFirstAnswer(page: Page, matches: (url: URL) => boolean) {
  let letThrough = () => {};
  const released = new Promise<void>((resolve) => (letThrough = resolve));
  let held = false;
  await page.route(matches, async (route) => {
    if (held) return route.continue();
    held = true;
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  const answered = page.waitForResponse((response) => matches(new URL(response.url())));
  return {
    isHeld: () => held,
    /** Lets the answer through, then gives the page two frames to do whatever it does with it. */
    async release() {
      letThrough();
      await (await answered).finished();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    },
  };
}
