import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '#test/helpers/journey.ts';
import { sendProof } from '#test/helpers/proofs.ts';
import { signedInPages } from '#test/helpers/signed-in-pages.ts';

const journey = useJourney();
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };
const pageAs = signedInPages(journey, desktop);
const seller = 'seller@demo.test';

/** A demo order by its title, from the dashboard's search, opened. */
async function openOrder(page: Page, title: string): Promise<string> {
  await page.goto(`${journey.server.url}/dashboard?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }).first().click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Whether the element is wholly inside the view, and below what is held at the top of it. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const held = document.querySelector('.announcement.floating')?.getBoundingClientRect();
    return box.height > 0 && box.top >= (held ? held.bottom : 0) && box.bottom <= innerHeight;
  });

const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id} ${document.activeElement?.textContent?.trim()}`);

describe('after the seller sends a proof or moves an order', () => {
  it('says nobody was emailed, offers the customer’s link to copy, and takes the keyboard to the new version', async () => {
    const page = await pageAs(seller, '/dashboard');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    const orderId = await openOrder(page, 'Custom ceramic house-number plaque');
    await sendProof(page, 'proof-v1.png', 1);
    // The form stays far below: the focus goes to the version just sent, in view.
    await expect.poll(() => focused(page)).toBe('H3 latest-version v1');
    await expect.poll(() => inView(page, '#latest-version')).toBe(true);
    // Not "sent to the customer": Atelier emails nobody yet, and says so under the version, with the link.
    expect(await page.getByText('sent to the customer').count()).toBe(0);
    const line = page.locator('.versions > li').first().locator('.tell-customer');
    expect(await line.locator('span').first().innerText()).toBe('Atelier does not email the customer yet: send them the link to this order through Etsy Messages.');
    const copy = line.getByRole('button', { name: 'Copy the customer’s link' });
    await copy.click();
    await expect.poll(() => line.getByRole('button').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${journey.server.url}/orders/${orderId}`);
    expect(await line.getByRole('status').textContent()).toBe('Link copied');

    // A status move says the same in the steps card, until the next step is begun.
    await page.getByRole('button', { name: 'Withdraw the proof', exact: true }).click();
    await expect.poll(() => page.getByText('Moved to In design.').isVisible()).toBe(true);
    const steps = page.locator('section[aria-labelledby="steps-title"]');
    await expect.poll(() => steps.locator('.tell-customer').count()).toBe(1);
    await steps.getByRole('button', { name: 'Copy the customer’s link' }).click();
    await expect.poll(() => steps.locator('.tell-customer button').innerText()).toBe('Copied');
    await steps.getByRole('button', { name: 'Move to On hold', exact: true }).click();
    expect(await steps.locator('.tell-customer').count()).toBe(0);
    await page.close();
  });

  it('makes going back from an approved order a secondary step that says what it sets aside, and asks first', async () => {
    const page = await pageAs(seller, '/dashboard', phone);
    await openOrder(page, 'Monogrammed linen napkins (12)');
    const back = page.getByRole('button', { name: 'Back to In design', exact: true });
    expect(await back.getAttribute('class')).toBe('button secondary');
    expect(await page.getByRole('button', { name: 'Move to In production', exact: true }).getAttribute('class')).toBe('button primary');
    expect(await page.getByRole('button', { name: 'Move to In design', exact: true }).count()).toBe(0);

    // One press only asks: nothing moves, and the approval is said to be set aside.
    await back.click();
    expect(await back.getAttribute('aria-expanded')).toBe('true');
    const warning = 'Going back sets aside the customer’s approval of v1: they must approve a proof again before you make the piece.';
    await page.getByText(warning).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    expect(await page.locator('#reason').getAttribute('aria-describedby')).toMatch(/^reason-warning /);
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('Approved');
    await page.getByRole('button', { name: 'Keep the approval', exact: true }).click();
    await expect.poll(() => page.getByText(warning).count()).toBe(0);
    expect(await page.locator('.page-head .badge').first().innerText()).toBe('Approved');

    await back.click();
    await page.getByRole('textbox', { name: 'Why? (optional)' }).fill('The customer asked for a darker thread.');
    await page.getByRole('button', { name: 'Set the approval aside', exact: true }).click();
    await expect.poll(() => page.locator('.page-head .badge').first().innerText()).toBe('In design');
    await page.close();
  });
});

describe('the customer deciding on a proof', () => {
  it('looks at the proof first, in place; sees each image once; hears of open comments; and sees what was sent', async () => {
    const page = await pageAs('ben@demo.test', '/home', phone);
    await page.getByRole('link', { name: /Pet portrait coasters/ }).first().click();
    await page.getByRole('heading', { name: 'Your decision on v2' }).waitFor();
    const entries = await page.evaluate(() => history.length);

    // "Look at the proof and decide": the latest version's heading at the top, the proof, then the decision.
    await page.getByRole('link', { name: 'Look at the proof and decide' }).click();
    await expect.poll(() => inView(page, '#latest-version')).toBe(true);
    const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('#latest-version')).toBeLessThan(150);
    const proof = await page.getByRole('img', { name: /^Proof v2: / }).first().evaluate((el) => el.getBoundingClientRect().top);
    expect(proof).toBeGreaterThan(await top('#latest-version'));
    expect(proof).toBeLessThan(await top('#decide-title'));
    // No history entry: Back leaves the order, as it did before the link.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(new URL(page.url()).hash).toBe('');
    // The keyboard goes on at the decision.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decide-title');

    // An earlier version's comments, opened, show its image there, and not again as a tile.
    const v1 = page.locator('.versions > li').filter({ has: page.getByRole('heading', { name: 'v1', exact: true }) });
    // Shown ones: a closed review keeps its image in the page, unseen.
    const v1Images = () => v1.locator('img:visible').count();
    expect(await v1Images()).toBe(1);
    await v1.getByText('Comments on v1 (2)').click();
    await expect.poll(() => v1.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await expect.poll(v1Images).toBe(1);
    expect(await v1.locator('details img:visible').count()).toBe(1);
    await v1.getByText('Comments on v1 (2)').click();
    await expect.poll(() => v1.locator('.proof-files img:visible').count()).toBe(1);

    // Their own open comment on v2 is counted beside Approve.
    expect(await page.locator('#decide-open-threads').count()).toBe(0);
    const comment = page.getByLabel('Comment on this proof', { exact: true }).first();
    await comment.fill('Could the dog’s ears be darker?');
    await page.getByRole('button', { name: 'Add comment' }).first().click();
    await page.getByText('Comment added.').waitFor();
    const open = 'You have 1 open comment on v2: the shop reads it, but approving says the proof is right as it is.';
    await expect.poll(() => page.locator('#decide-open-threads').textContent()).toBe(open);
    expect(await page.getByRole('button', { name: 'Approve v2' }).getAttribute('aria-describedby')).toBe('decide-open-threads');

    // After a comment, whose notice may be held at the top, the change request's confirmation is brought into view.
    await page.locator('#decision-note').fill('Darker ears, please.');
    await page.getByRole('button', { name: 'Request changes' }).click();
    const said = page.getByRole('status').filter({ hasText: 'Your change request was sent to the shop.' });
    await said.waitFor();
    await expect.poll(() => said.evaluate((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    // And it stays there once the page has settled.
    await page.waitForTimeout(500);
    expect(await said.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/home');
    await page.close();
  });

  it('counts several open comments, and not the resolved ones', async () => {
    const page = await pageAs('ana@demo.test', '/home', phone);
    await page.getByRole('link', { name: /Nonna/ }).first().click();
    await page.getByRole('heading', { name: 'Your decision on v2' }).waitFor();
    for (const body of ['Smaller leaf', 'Warmer wood tone']) {
      await page.getByLabel('Comment on this proof', { exact: true }).first().fill(body);
      await page.getByRole('button', { name: 'Add comment' }).first().click();
      await expect.poll(() => page.locator('.threads > li').filter({ hasText: body }).count()).toBe(1);
    }
    await expect.poll(() => page.locator('#decide-open-threads').textContent()).toBe('You have 2 open comments on v2: the shop reads them, but approving says the proof is right as it is.');
    await page.getByRole('button', { name: 'Resolve the thread “Smaller leaf” on v2' }).click();
    await expect.poll(() => page.locator('#decide-open-threads').textContent()).toMatch(/^You have 1 open comment on v2:/);
    await page.close();
  });
});
