import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdFirstAnswer } from '#test/helpers/hold-answers.ts';
import { emailedLink, signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();

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
    // A second one, taken back with the keyboard: the focus goes on from the picker.
    await customer.getByLabel('Photos or sketches', { exact: true }).setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'proof-v2.png'));
    await expect.poll(() => customer.getByText('Attached', { exact: true }).count()).toBe(2);
    await customer.getByRole('button', { name: 'Remove proof-v2.png' }).focus();
    await customer.keyboard.press('Enter');
    await expect.poll(() => customer.getByText('Attached', { exact: true }).count()).toBe(1);
    await expect.poll(() => customer.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    await customer.getByLabel('Your name').fill('Cara Dev');
    await customer.getByLabel('Your email').fill('cara@example.test');
    // Sending fails while the phone is offline: said beside the button, in sight, and nothing typed is lost.
    await customer.context().setOffline(true);
    await customer.getByRole('button', { name: 'Send my request' }).click();
    const failed = customer.getByRole('alert').filter({ hasText: 'Atelier cannot be reached.' });
    await expect.poll(() => failed.isVisible()).toBe(true);
    expect(await failed.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
    expect(await customer.getByLabel('Engraving text').inputValue()).toBe('Cara & Dev · 2026');
    await customer.context().setOffline(false);
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await customer.getByRole('heading', { name: 'Request sent' }).waitFor();
    const reference = (await customer.locator('.notice strong').textContent())!;
    expect(reference).toMatch(/^WW-[0-9A-Z]{4}$/);

    // The emailed link signs the customer in and lands on the order.
    await customer.goto(emailedLink(journey, 'cara@example.test'));
    await customer.getByRole('button', { name: 'Continue to Atelier' }).click();
    await customer.waitForURL(/\/orders\/[a-z0-9]{16}$/);
    await customer.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    await expect.poll(() => customer.getByText('The shop has your request and will reply with a quote.').isVisible()).toBe(true);
    // The engraving is the answer the customer gave, and, as the form marks it, the order's personalisation.
    await expect.poll(() => customer.locator('dt:text-is("Engraving text") + dd').textContent()).toBe('Cara & Dev · 2026');
    await expect.poll(() => customer.locator('dt:text-is("Personalisation") + dd').textContent()).toBe('Cara & Dev · 2026');
    // The attached photo is a file of the order, shown by its thumbnail.
    await expect.poll(() => customer.getByRole('img', { name: 'Attached by the customer: proof-v1.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const orderUrl = customer.url();

    // The seller finds it on the dashboard by its reference and quotes it.
    const seller = await journey.browser.newPage();
    await signInAs(journey, seller, 'seller@demo.test');
    await seller.waitForURL(/\/dashboard$/);
    await seller.getByRole('tab', { name: /Requested/ }).click();
    await seller.getByRole('link', { name: new RegExp(reference) }).click();
    await seller.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    await expect.poll(() => seller.getByLabel('Personalisation').inputValue()).toBe('Cara & Dev · 2026');
    // Only the allowed next steps are offered.
    expect(await seller.getByRole('button', { name: 'Move to Shipped' }).count()).toBe(0);
    await seller.getByRole('button', { name: 'Move to Quoted' }).click();
    await expect.poll(() => seller.evaluate(() => document.activeElement?.id)).toBe('reason');
    await seller.getByLabel('Your quote (optional)').fill('£48 in walnut, gift box included.\nI made a listing for you on Etsy: buy it and I start on the design.');
    await seller.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => seller.getByText('Moved to Quoted.').isVisible()).toBe(true);
    await expect.poll(() => seller.getByText('Moved from Requested to Quoted (£48 in walnut', { exact: false }).isVisible()).toBe(true);

    // The customer sees the new status and reads the quote, its lines as the shop wrote them.
    await customer.goto(orderUrl);
    await expect.poll(() => customer.getByText('The shop has quoted for your piece.', { exact: false }).isVisible()).toBe(true);
    const quote = customer.getByRole('figure', { name: 'Willow & Wick’s quote' });
    await expect.poll(() => quote.locator('blockquote').innerText()).toBe('£48 in walnut, gift box included.\nI made a listing for you on Etsy: buy it and I start on the design.');

    // Paid and under way: the quote the customer said yes to stays on their order.
    await seller.getByRole('button', { name: 'Move to In design' }).click();
    await expect.poll(() => seller.getByText('Moved to In design.').isVisible()).toBe(true);
    await customer.reload();
    await expect.poll(() => customer.locator('.steps [aria-current="step"]').innerText()).toBe('In design');
    expect(await quote.locator('blockquote').innerText()).toBe('£48 in walnut, gift box included.\nI made a listing for you on Etsy: buy it and I start on the design.');
    await customer.close();
    await seller.close();
  });

  it('shows the form the customer went back to, even when the one they left comes after it', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    // The candle form's answer is held back until the customer has gone back to the board's.
    const candles = await holdFirstAnswer(page, (url) => url.pathname === '/api/shops/demo/intake-form' && url.searchParams.has('formId'));
    await page.getByRole('navigation', { name: 'What would you like?' }).getByRole('link', { name: 'Candle set for an event' }).click();
    await page.waitForURL(/\?form=/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    await candles.release();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Engraved cutting board');
    expect(await page.getByLabel('Engraving text').count()).toBe(1);
    await page.close();
  });

  it('asks a customer before another form replaces what they typed, and opens it at once when nothing is typed', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    const candles = page.getByRole('navigation', { name: 'What would you like?' }).getByRole('link', { name: 'Candle set for an event' });
    // Nothing typed: the other form opens at once.
    await candles.click();
    await page.getByRole('heading', { name: 'Candle set for an event', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    await page.getByLabel('Engraving text').fill('The Harlow family');
    await candles.click();
    await expect.poll(() => asked).toEqual(['Leave this page? What you typed here has not been saved or sent.']);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Engraved cutting board');
    expect(await page.getByLabel('Engraving text').inputValue()).toBe('The Harlow family');
    await page.close();
  });

  it('takes a customer to the first choice they missed, on its first option', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${journey.server.url}/s/demo`);
    await page.getByLabel('Engraving text').fill('The Harlow family');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-wood-0');
    await page.close();
  });

  it('names the files left out when more are chosen than a question takes', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${journey.server.url}/s/demo`);
    const fixtures = join(import.meta.dirname, '..', 'fixtures');
    await page.getByLabel('Photos or sketches', { exact: true }).setInputFiles(['proof-v1.png', 'proof-v2.png', 'proof-v1.png', 'proof-v2.png'].map((name) => join(fixtures, name)));
    await expect.poll(() => page.locator('#q-photos-left-out').innerText()).toBe('Up to 3 files here: proof-v2.png was left out.');
    await expect.poll(() => page.getByRole('list', { name: 'Files for Photos or sketches' }).getByRole('listitem').count()).toBe(3);
    await page.close();
  });

  it('says at once that a chosen file is not one the shop can take, before anything is uploaded', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${journey.server.url}/s/demo`);
    const signed: string[] = [];
    page.on('request', (request) => request.url().includes('/request-uploads') && signed.push(request.url()));
    await page.getByLabel('Photos or sketches', { exact: true }).setInputFiles([
      { name: 'sketch.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><p>not a picture</p>') },
      { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
    ]);
    const rows = page.getByRole('list', { name: 'Files for Photos or sketches' }).getByRole('listitem');
    await expect.poll(() => rows.locator('.error').allInnerTexts()).toEqual(['Only images (PNG, JPEG, WebP, GIF), PDF, SVG, AI and EPS files can be sent: this file is none of these.', 'The file is empty.']);
    expect(await rows.getByText('Attached').count()).toBe(0);
    expect(signed).toEqual([]);
    await page.close();
  });

  it('follows a form the seller builds: the text marked as made on the piece becomes the order’s personalisation', async () => {
    const seller = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, seller, 'seller@demo.test');
    await seller.waitForURL(/\/dashboard$/);
    await seller.getByRole('link', { name: 'Intake forms' }).click();
    await seller.getByRole('button', { name: 'New form' }).click();
    await seller.getByLabel('Form name').fill('Hand-lettered door sign');
    await seller.getByLabel('Question').fill('Words on the sign');
    await seller.getByLabel('Max characters').fill('30');
    await seller.getByRole('checkbox', { name: /The text we make on the piece/ }).check();
    await seller.getByRole('checkbox', { name: 'Required' }).check();
    // With the keyboard: browsing the types adds nothing; the button adds one field, and the focus goes to its question.
    const fields = seller.locator('fieldset.builder-field');
    await seller.getByLabel('New field’s type').focus();
    await seller.keyboard.press('ArrowDown');
    await seller.keyboard.press('ArrowDown');
    expect(await fields.count()).toBe(1);
    await seller.keyboard.press('Tab');
    await seller.keyboard.press('Enter');
    await expect.poll(() => fields.count()).toBe(2);
    await expect.poll(() => seller.evaluate(() => document.activeElement?.id)).toBe('fe-1-label');
    await seller.keyboard.type('How many signs');
    await expect.poll(() => seller.locator('.preview-frame').getByText('How many signs').isVisible()).toBe(true);
    await expect.poll(() => fields.nth(1).locator('strong').first().innerText()).toBe('2. Number');
    // The preview shows the customer that this text comes back for confirmation.
    await expect.poll(() => seller.locator('.preview-frame').getByText('You confirm this exact text again before the piece is made.').isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Save form' }).click();
    await expect.poll(() => seller.getByText('Saved “Hand-lettered door sign” (version 1).').isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Close' }).click();
    const listed = seller.getByRole('list', { name: 'Your forms' }).getByRole('listitem').filter({ hasText: 'Hand-lettered door sign' });
    await expect.poll(() => listed.locator('.meta').innerText()).toBe('2 fields · personalisation: Words on the sign');

    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await customer.goto(`${journey.server.url}/s/demo`);
    await customer.getByRole('link', { name: 'Hand-lettered door sign' }).click();
    await customer.getByLabel('Words on the sign').fill('  The Okafors  ');
    await customer.getByLabel('Your name').fill('Ife Okafor');
    await customer.getByLabel('Your email').fill('ife@example.test');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await customer.getByRole('heading', { name: 'Request sent' }).waitFor();
    const reference = (await customer.locator('.notice strong').textContent())!;

    await seller.getByRole('link', { name: 'Orders' }).click();
    await seller.getByRole('link', { name: new RegExp(reference) }).click();
    await seller.getByRole('heading', { name: 'Hand-lettered door sign', level: 1 }).waitFor();
    await expect.poll(() => seller.getByLabel('Personalisation').inputValue()).toBe('The Okafors');
    await customer.close();
    await seller.close();
  });

  it('lets the seller write down a request that came another way, with its personalisation, and open it', async () => {
    const seller = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, seller, 'seller@demo.test');
    await seller.getByRole('button', { name: 'New order' }).click();
    await seller.locator('#new-title').fill('Engraved hip flask');
    await seller.getByLabel('Customer name').fill('Tom Reed');
    await seller.getByLabel('Customer email').fill('tom@example.test');
    await seller.getByLabel('Personalisation').fill('T.R. · 1984');
    await expect.poll(() => seller.getByText('The exact text for the piece, if there is one · 11 characters').isVisible()).toBe(true);
    await seller.getByRole('button', { name: 'Create order' }).click();
    await seller.getByRole('heading', { name: 'Engraved hip flask', level: 1 }).waitFor();
    await expect.poll(() => seller.getByLabel('Personalisation').inputValue()).toBe('T.R. · 1984');
    await expect.poll(() => seller.getByText('Order created').isVisible()).toBe(true);
    // Counted as the text is seen, and made: the heart is one character, as on the flask.
    await seller.getByLabel('Personalisation').fill('T.R. ❤️');
    await expect.poll(() => seller.locator('#edit-personalization-hint').textContent()).toBe('The exact text for the piece · 6 characters');
    await seller.getByLabel('Personalisation').fill('');
    await expect.poll(() => seller.locator('#edit-personalization-hint').textContent()).toBe('The exact text for the piece');
    await seller.close();
  });

  it('asks a customer twice before their request is withdrawn, tells the shop why, and copes with a second tab', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const customer = await context.newPage();
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.getByRole('link', { name: /Candle set for an event/ }).click();
    await customer.getByRole('heading', { name: 'Candle set for an event', level: 1 }).waitFor();
    const other = await context.newPage();
    await other.goto(customer.url());
    await other.getByRole('button', { name: 'Withdraw my request' }).waitFor();

    // The first press only asks; keeping the request changes nothing.
    const withdraw = customer.getByRole('button', { name: 'Withdraw my request' });
    await withdraw.click();
    expect(await withdraw.getAttribute('aria-expanded')).toBe('true');
    await customer.getByRole('button', { name: 'Keep my request' }).click();
    expect(await customer.getByRole('button', { name: 'Withdraw the request' }).count()).toBe(0);
    expect(await customer.evaluate(() => document.activeElement?.textContent)).toBe('Withdraw my request');
    expect(await customer.locator('.page-head .badge').first().innerText()).toBe('Requested');

    await withdraw.click();
    await customer.getByLabel('Why? (optional)').fill('We found candles nearer home');
    await customer.getByRole('button', { name: 'Withdraw the request' }).click();
    await expect.poll(() => customer.getByText('Your request was withdrawn.').isVisible()).toBe(true);
    expect(await customer.locator('.page-head .badge').first().innerText()).toBe('Cancelled');
    expect(await customer.getByRole('button', { name: 'Withdraw my request' }).count()).toBe(0);
    await expect.poll(() => customer.locator('.timeline li').first().innerText()).toMatch(/^You withdrew your request: We found candles nearer home\n/);

    // The second tab still offers it: withdrawing there says the order changed and shows it as it is.
    await other.getByRole('button', { name: 'Withdraw my request' }).click();
    await other.getByRole('button', { name: 'Withdraw the request' }).click();
    await expect.poll(() => other.getByText('Your order changed while you were looking: here it is as it is now.').isVisible()).toBe(true);
    expect(await other.locator('.page-head .badge').first().innerText()).toBe('Cancelled');
    await context.close();
  });

  it('tells a customer the day their piece is to ship, without the flags that sort the seller’s work, and how to follow it once shipped', async () => {
    const customer = await journey.browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAs(journey, customer, 'ben@demo.test');
    await customer.getByRole('heading', { name: 'Your orders' }).waitFor();
    // The demo's walnut box was due two days ago and is still being made.
    const box = customer.getByRole('link', { name: /Walnut recipe box/ });
    await expect.poll(() => box.innerText()).toMatch(/To ship by \w+/);
    // Each row says when the order began, beside its shop: two of one piece are told apart.
    expect(await box.innerText()).toMatch(/Willow & Wick · since \w+ \d+, \d{4}/);
    expect(await box.innerText()).not.toMatch(/Overdue|Due soon/);
    // A shipped piece has no date left to wait for.
    expect(await customer.getByRole('link', { name: /Hand-stamped brass keyring/ }).innerText()).not.toMatch(/ship by|Due/i);
    await box.click();
    await customer.getByRole('heading', { name: 'Walnut recipe box with engraved lid', level: 1 }).waitFor();
    await expect.poll(() => customer.getByText(/^To ship by \w+/).isVisible()).toBe(true);
    expect(await customer.getByText('Overdue', { exact: true }).count()).toBe(0);
    // The shop's request page is one step away, for the next piece.
    expect(await customer.getByRole('link', { name: 'Ask Willow & Wick for another piece' }).getAttribute('href')).toBe('/s/demo');
    const orderUrl = customer.url();

    const seller = await journey.browser.newPage();
    await signInAs(journey, seller, 'seller@demo.test');
    await seller.goto(orderUrl);
    await seller.getByRole('heading', { name: 'Walnut recipe box with engraved lid', level: 1 }).waitFor();
    await expect.poll(() => seller.getByText('Overdue', { exact: true }).isVisible()).toBe(true);

    // Shipped with its tracking, which the customer follows from their order.
    await seller.getByRole('button', { name: 'Move to Shipped' }).click();
    await seller.getByLabel('Tracking (optional)').fill('Royal Mail, RN123456785GB: https://parcels.example/track?id=RN123456785GB.');
    await seller.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => seller.getByText('Moved to Shipped.').isVisible()).toBe(true);
    await seller.close();
    await customer.reload();
    await expect.poll(() => customer.getByText('Your piece is on its way to you.').isVisible()).toBe(true);
    // Shipped, the order page has no ship-by date left either.
    expect(await customer.locator('dl.facts dt').filter({ hasText: 'To ship by' }).count()).toBe(0);
    const tracking = customer.getByRole('figure', { name: 'Tracking' });
    expect(await tracking.locator('blockquote').innerText()).toBe('Royal Mail, RN123456785GB: https://parcels.example/track?id=RN123456785GB.');
    // The address is a link, without the sentence's full stop, opened away from the portal.
    const link = tracking.getByRole('link', { name: 'https://parcels.example/track?id=RN123456785GB' });
    expect(await link.getAttribute('href')).toBe('https://parcels.example/track?id=RN123456785GB');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // In the activity too, inside the step's brackets, the address is a link without the closing bracket.
    const inActivity = customer.getByRole('region', { name: 'Activity' }).getByRole('link', { name: 'https://parcels.example/track?id=RN123456785GB' });
    expect(await inActivity.getAttribute('href')).toBe('https://parcels.example/track?id=RN123456785GB');
    expect(await inActivity.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    await customer.close();
  });
});
