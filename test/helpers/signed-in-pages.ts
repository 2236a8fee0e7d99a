import type { BrowserContext, Page } from 'playwright-core';
import { signInAs, type Journey } from '#test/helpers/journey.ts';

type Viewport = { width: number; height: number };

/**
 * `pageAs(email, path, viewport?)`: a new page at `path`, signed in as `email`. Each address signs
 * in once per file, in a context of its own, and its pages share it: sign-in links are limited per
 * address.
 */
export function signedInPages(journey: Journey, defaultViewport: Viewport) {
  const contexts = new Map<string, BrowserContext>();
  return async function pageAs(email: string, path: string, viewport: Viewport = defaultViewport): Promise<Page> {
    let context = contexts.get(email);
    if (!context) {
      context = await journey.browser.newContext({ viewport: defaultViewport });
      contexts.set(email, context);
      await signInAs(journey, await context.newPage(), email);
    }
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${journey.server.url}${path}`);
    return page;
  };
}

/** The control's accessible description as Chromium computes it for screen readers. */
export async function descriptionOf(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return String(nodes[0]?.description?.value ?? '');
  } finally {
    await cdp.detach();
  }
}
