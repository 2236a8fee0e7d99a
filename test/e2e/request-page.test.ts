import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useJourney } from '#test/helpers/journey.ts';

const journey = useJourney();
const phone = { viewport: { width: 390, height: 844 } };
const photo = join(import.meta.dirname, '..', 'fixtures', 'proof-v1.png');

// The seller shapes each test's form through the API the form builder uses (one sign-in for the file).
let seller: Page;
beforeAll(async () => {
  seller = await journey.browser.newPage();
  await signInAs(journey, seller, 'seller@demo.test');
});

async function sellerApi<T = Record<string, unknown>>(method: string, path: string, data?: unknown): Promise<T> {
  const res = await seller.request.fetch(`${journey.server.url}/api${path}`, { method, headers: { origin: journey.server.url }, ...(data ? { data } : {}) });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

type Form = { formId: string; version: number };
const createForm = (name: string, fields: unknown[], description?: string) => sellerApi<Form>('POST', '/shop/intake-forms', { name, fields, description });

/** The answers the order keeps for the request with this reference, as the seller reads them. */
async function keptAnswers(reference: string): Promise<Record<string, unknown>> {
  const { items } = await sellerApi<{ items: Array<{ orderId: string }> }>('GET', `/orders?q=${encodeURIComponent(reference)}`);
  const { order } = await sellerApi<{ order: { intake: { answers: Array<{ fieldId: string; value: unknown }> } } }>('GET', `/orders/${items[0]!.orderId}`);
  return Object.fromEntries(order.intake.answers.map((a) => [a.fieldId, a.value]));
}

async function fillWho(page: Page, name: string, email: string) {
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Your email', exact: true }).fill(email);
}

const sentReference = async (page: Page) => {
  await page.getByRole('heading', { name: 'Request sent', level: 1 }).waitFor();
  return (await page.locator('.notice strong').textContent())!;
};

describe("the customer's request page", () => {
  it('takes the colour a required colour question shows as the answer, and none for an optional one left alone', async () => {
    const form = await createForm('Glass tile', [
      { id: 'tile', type: 'color', label: 'Tile colour', required: true },
      { id: 'edge', type: 'color', label: 'Edge colour' },
    ]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('heading', { name: 'Glass tile', level: 1 }).waitFor();
    const shown = await customer.getByLabel('Tile colour').inputValue();
    await fillWho(customer, 'Tess Tile', 'tess@example.test');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    const reference = await sentReference(customer);
    expect(await keptAnswers(reference)).toEqual({ tile: shown });
  });

  it('puts the focus on the "Request sent" heading once the request is sent', async () => {
    const form = await createForm('Bookmark', [{ id: 'words', type: 'short_text', label: 'Bookmark text', required: true }]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('textbox', { name: 'Bookmark text', exact: true }).fill('Read on');
    await fillWho(customer, 'Bo Reader', 'bo@example.test');
    await customer.getByRole('button', { name: 'Send my request' }).focus();
    await customer.keyboard.press('Enter');
    await sentReference(customer);
    await expect.poll(() => customer.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Request sent');
    // What comes next, in the shop's name, and what to do when no email comes.
    const next = customer.getByRole('heading', { name: 'What happens next', level: 2 });
    expect(await next.isVisible()).toBe(true);
    expect(await customer.locator('main ol > li').first().innerText()).toBe('Willow & Wick reads your request and answers on your order page, usually with a quote.');
    expect(await customer.getByRole('link', { name: 'the sign-in page' }).getAttribute('href')).toBe('/sign-in');
  });

  it('shows a question the shop added meanwhile, keeping every answer and file', async () => {
    const words = { id: 'words', type: 'short_text', label: 'Words on the sign', required: true };
    const photos = { id: 'photos', type: 'file', label: 'Photos of the venue', maxFiles: 2 };
    const form = await createForm('Wedding sign', [words, photos]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('textbox', { name: 'Words on the sign', exact: true }).fill('Welcome to our wedding');
    await customer.getByLabel('Photos of the venue', { exact: true }).setInputFiles(photo);
    await expect.poll(() => customer.getByText('Attached', { exact: true }).isVisible()).toBe(true);
    await fillWho(customer, 'Wren Bride', 'wren@example.test');

    // The seller adds required questions while the customer has the form open.
    const added = [
      { id: 'venue', type: 'short_text', label: 'Venue name', required: true },
      { id: 'accent', type: 'color', label: 'Accent colour', required: true },
    ];
    await sellerApi('PUT', `/shop/intake-forms/${form.formId}`, { version: form.version, name: 'Wedding sign', fields: [words, ...added, photos] });

    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => customer.getByText('The shop changed this form while you had it open.', { exact: false }).isVisible()).toBe(true);
    const venue = customer.getByRole('textbox', { name: 'Venue name', exact: true });
    await expect.poll(() => venue.isVisible()).toBe(true);
    expect(await venue.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => customer.locator('#q-venue-error').textContent()).toBe('This field is required.');
    await expect.poll(() => customer.evaluate(() => document.activeElement?.id)).toBe('q-venue');
    // A new colour question is answered by the colour it shows, as on a fresh page.
    expect(await customer.locator('#q-accent-error').count()).toBe(0);
    const accent = await customer.getByLabel('Accent colour').inputValue();
    // Nothing given is lost: the words, the attached photo, the name and email.
    expect(await customer.getByRole('textbox', { name: 'Words on the sign', exact: true }).inputValue()).toBe('Welcome to our wedding');
    expect(await customer.getByText('Attached', { exact: true }).isVisible()).toBe(true);
    expect(await customer.getByRole('textbox', { name: 'Your email', exact: true }).inputValue()).toBe('wren@example.test');

    await venue.fill('The Old Mill');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    const reference = await sentReference(customer);
    expect(await keptAnswers(reference)).toEqual({ words: 'Welcome to our wedding', venue: 'The Old Mill', accent, photos: ['proof-v1.png'] });
  });

  it("leads a link to a form no longer offered on to what the shop offers now", async () => {
    const fields = [{ id: 'size', type: 'short_text', label: 'Wreath size' }];
    const form = await createForm('Seasonal wreath', fields);
    await sellerApi('PUT', `/shop/intake-forms/${form.formId}`, { version: form.version, name: 'Seasonal wreath', fields, archived: true });

    const api = await seller.request.get(`${journey.server.url}/api/shops/demo/intake-form?formId=${form.formId}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error).toMatchObject({ code: 'not_found', message: 'This form is no longer offered.', details: { reason: 'form_not_offered' } });

    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('heading', { name: 'This form is no longer offered', level: 1 }).waitFor();
    expect(await customer.getByText('Here is what Willow & Wick offers now:').isVisible()).toBe(true);
    expect(await customer.getByRole('link', { name: 'Seasonal wreath' }).count()).toBe(0);
    await customer.getByRole('link', { name: 'Candle set for an event' }).click();
    await customer.getByRole('heading', { name: 'Candle set for an event', level: 1 }).waitFor();

    // An address without a shop still says so.
    await customer.goto(`${journey.server.url}/s/no-such-shop`);
    await customer.getByRole('heading', { name: 'No shop at this address', level: 1 }).waitFor();
  });

  it("joins the seller's hint and the app's own sentences with a full stop", async () => {
    const form = await createForm('Door plaque', [
      { id: 'wording', type: 'short_text', label: 'Wording', help: 'Exactly as it should appear, with capitals', required: true, maxLength: 40, personalization: true },
      { id: 'door', type: 'file', label: 'Your door', help: 'A photo from the street!', maxFiles: 1 },
    ]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('heading', { name: 'Door plaque', level: 1 }).waitFor();
    expect(await customer.locator('#q-wording-hint').textContent()).toBe('Exactly as it should appear, with capitals. You confirm this exact text again before the piece is made.');
    expect(await customer.locator('#q-door-hint').textContent()).toBe('A photo from the street! Up to 1 file: images, PDF, SVG, AI or EPS.');
  });

  it('says the limits of a question up front, dates as the app writes them', async () => {
    const form = await createForm('Gift set', [
      { id: 'extras', type: 'multiple_choice', label: 'Extras', options: ['Gift box', 'Card', 'Ribbon'], maxSelected: 2 },
      { id: 'count', type: 'number', label: 'How many', min: 1, max: 10 },
      { id: 'when', type: 'date', label: 'Wanted by', min: '2026-12-01', help: 'Leave empty if there is no rush' },
    ]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    await customer.getByRole('heading', { name: 'Gift set', level: 1 }).waitFor();
    expect(await customer.locator('#q-extras-hint').textContent()).toBe('Choose up to 2.');
    expect(await customer.locator('#q-count-hint').textContent()).toBe('From 1 to 10.');
    expect(await customer.locator('#q-when-hint').textContent()).toBe('Leave empty if there is no rush. From Dec 1, 2026.');
    expect(await customer.getByLabel('How many').getAttribute('aria-describedby')).toContain('q-count-hint');

    await customer.getByLabel('Wanted by').fill('2026-11-30');
    await fillWho(customer, 'Gil Giver', 'gil@example.test');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => customer.locator('#q-when-error').textContent()).toBe('Choose Dec 1, 2026 or later.');

    // The server says it in the same words, for the page shows its messages too.
    const refused = await customer.request.post(`${journey.server.url}/api/shops/demo/requests`, {
      headers: { origin: journey.server.url },
      data: { formId: form.formId, name: 'Gil Giver', email: 'gil@example.test', answers: { when: '2026-11-30' } },
    });
    expect((await refused.json()).error.details.fields).toEqual([{ fieldId: 'when', message: 'Choose Dec 1, 2026 or later.' }]);
  });

  it("puts a checkbox's hint after its own words, not under the question before", async () => {
    const form = await createForm('Card', [
      { id: 'to', type: 'short_text', label: 'Name on the card' },
      { id: 'policies', type: 'checkbox', label: 'I accept the shop policies', help: 'They are on our Etsy page.', required: true },
    ]);
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    const box = customer.getByRole('checkbox', { name: 'I accept the shop policies', exact: true });
    await box.waitFor();
    expect(await box.getAttribute('aria-describedby')).toBe('q-policies-hint');
    const placed = await customer.evaluate(() => {
      const input = document.getElementById('q-policies')!;
      const hint = document.getElementById('q-policies-hint')!;
      return { follows: Boolean(input.compareDocumentPosition(hint) & Node.DOCUMENT_POSITION_FOLLOWING), below: hint.getBoundingClientRect().top >= input.getBoundingClientRect().top };
    });
    expect(placed).toEqual({ follows: true, below: true });
    // Ticked from the keyboard, and its hint stays its own when the box is left empty.
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => box.getAttribute('aria-describedby')).toBe('q-policies-hint q-policies-error');
    await expect.poll(() => customer.evaluate(() => document.activeElement?.id)).toBe('q-policies');
    await customer.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
  });

  it("makes the web addresses in a form's introduction and help texts links, away from the page", async () => {
    const form = await createForm('Signed card', [
      { id: 'to', type: 'short_text', label: 'Name on the card', help: 'Our sizes: https://shop.example.test/sizes.' },
      { id: 'terms', type: 'checkbox', label: 'I accept the shop policies', help: 'Read them at https://shop.example.test/policies', required: true },
    ], 'Before you ask, see https://shop.example.test/faq');
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    const box = customer.getByRole('checkbox', { name: 'I accept the shop policies', exact: true });
    await box.waitFor();
    const links = customer.locator('main a[target="_blank"]');
    expect(await links.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]))).toEqual([
      ['https://shop.example.test/faq', 'noopener noreferrer nofollow'],
      ['https://shop.example.test/sizes', 'noopener noreferrer nofollow'],
      ['https://shop.example.test/policies', 'noopener noreferrer nofollow'],
    ]);
    // The hint still describes its box in the same words, and following the link does not tick it.
    expect(await box.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)!.textContent)).toBe('Read them at https://shop.example.test/policies');
    await customer.context().route('https://shop.example.test/**', (route) => route.fulfill({ body: 'policies' }));
    const opened = customer.context().waitForEvent('page');
    await customer.getByRole('link', { name: 'https://shop.example.test/policies' }).click();
    await (await opened).close();
    expect(await box.isChecked()).toBe(false);
  });
});

/** The colour drawn at a point of `selector` (as fractions of its box), read off a screenshot of it. */
async function colourAt(page: Page, selector: string, x: number, y: number): Promise<[number, number, number]> {
  const shot = (await page.locator(selector).screenshot()).toString('base64');
  return page.evaluate(
    async ({ shot, x, y }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${shot}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(Math.round(image.width * x), Math.round(image.height * y), 1, 1).data;
      return [r!, g!, b!] as [number, number, number];
    },
    { shot, x, y },
  );
}

describe('the request page, for a customer checking what they send', () => {
  it('keeps a text typed or pasted past its limit, says how many too many, and sends it only once shortened', async () => {
    const form = await createForm('Name sign', [
      { id: 'words', type: 'short_text', label: 'Words on the sign', required: true, maxLength: 20, personalization: true },
      { id: 'story', type: 'long_text', label: 'Anything else?', maxLength: 30 },
    ]);
    const customer = await journey.browser.newPage(phone);
    const sent: string[] = [];
    customer.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/requests') && sent.push(r.url())));
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    const words = customer.getByRole('textbox', { name: 'Words on the sign', exact: true });
    // Typed past the limit, nothing is dropped: the count says by how much it is over, in the error colour.
    await words.click();
    await customer.keyboard.type('The Souzas · est. 2019 x');
    expect(await words.inputValue()).toBe('The Souzas · est. 2019 x');
    await expect.poll(() => customer.locator('#q-words-count').textContent()).toBe('You have 4 characters too many');
    expect(await customer.locator('#q-words-count').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(161, 43, 43)');
    expect(await words.getAttribute('aria-describedby')).toBe('q-words-hint q-words-count');
    // A paste too is kept whole, and no note says part of it was left out.
    const story = customer.getByRole('textbox', { name: 'Anything else?', exact: true });
    await story.focus();
    await customer.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
    await customer.evaluate(() => navigator.clipboard.writeText('Please use a serif font like on the photo.'));
    await customer.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => story.inputValue()).toBe('Please use a serif font like on the photo.');
    await expect.poll(() => customer.locator('#q-story-count').textContent()).toBe('You have 12 characters too many');
    expect(await customer.locator('#q-story-cut').count()).toBe(0);
    await fillWho(customer, 'Carla Souza', 'carla@example.test');

    // Not sent: the first text over its limit says so and gets the focus.
    await customer.getByRole('button', { name: 'Send my request' }).click();
    await expect.poll(() => customer.locator('#q-words-error').textContent()).toBe('Shorten this to 20 characters or fewer to send your request.');
    expect(await customer.locator('#q-story-error').textContent()).toBe('Shorten this to 30 characters or fewer to send your request.');
    await expect.poll(() => customer.evaluate(() => document.activeElement?.id)).toBe('q-words');
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    // Shortened to the limit, it is sent whole, as typed.
    await words.fill('The Souzas · est. 19');
    await expect.poll(() => customer.locator('#q-words-count').textContent()).toBe('You have reached the limit of 20 characters');
    await story.fill('Serif font, as in the photo.');
    await customer.getByRole('button', { name: 'Send my request' }).click();
    const reference = await sentReference(customer);
    expect(await keptAnswers(reference)).toEqual({ words: 'The Souzas · est. 19', story: 'Serif font, as in the photo.' });
  });

  it('shows no colour in the swatch of an optional colour question while there is no preference', async () => {
    const form = await createForm('Candle label', [{ id: 'label', type: 'color', label: 'Label colour' }]);
    const customer = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await customer.goto(`${journey.server.url}/s/demo?form=${form.formId}`);
    const none = customer.getByRole('checkbox', { name: 'No preference for Label colour', exact: true });
    await none.waitFor();
    expect(await none.isChecked()).toBe(true);
    // Away from the line crossing it (corner to corner, from the bottom left), the swatch is the page's white, not the picker's starting brown (#8a4b2a).
    expect(await colourAt(customer, '#q-label', 0.3, 0.3)).toEqual([255, 255, 255]);
    expect(await colourAt(customer, '#q-label', 0.7, 0.7)).toEqual([255, 255, 255]);
    // And the line, grey, says "none" as a design tool's empty swatch does.
    const line = await colourAt(customer, '#q-label', 0.5, 0.5);
    expect(Math.max(...line)).toBeLessThan(200);
    expect(line[0] - line[2]).toBeLessThan(40);
    expect(await customer.getByLabel('Label colour', { exact: true }).getAttribute('aria-describedby')).toBe('q-label-none-said');
    expect(await customer.locator('#q-label-none-said').textContent()).toBe('No colour chosen');
    // A colour picked shows in it, and "No preference" is unticked.
    await customer.locator('#q-label').fill('#2a5b86');
    expect(await none.isChecked()).toBe(false);
    expect(await colourAt(customer, '#q-label', 0.3, 0.3)).toEqual([42, 91, 134]);
    expect(await customer.getByLabel('Label colour', { exact: true }).getAttribute('aria-describedby')).toBeNull();
    // Ticked again, no colour again.
    await none.check();
    expect(await colourAt(customer, '#q-label', 0.3, 0.3)).toEqual([255, 255, 255]);
  });

  it("moves the focus to the new form's heading when the customer switches between the shop's forms", async () => {
    const customer = await journey.browser.newPage(phone);
    await customer.goto(`${journey.server.url}/s/demo`);
    await customer.getByRole('heading', { name: 'Engraved cutting board', level: 1 }).waitFor();
    // Opened, the page leaves the focus where a page load does.
    expect(await customer.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    const active = () => customer.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim()}`);
    await customer.getByRole('link', { name: 'Candle set for an event' }).focus();
    await customer.keyboard.press('Enter');
    await customer.getByRole('heading', { name: 'Candle set for an event', level: 1 }).waitFor();
    await expect.poll(active).toBe('H1 Candle set for an event');
    // Tab goes on from there, into the page, not from its start.
    await customer.keyboard.press('Tab');
    expect(await customer.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    // And back again, by the link or by Back.
    await customer.getByRole('link', { name: 'Engraved cutting board' }).click();
    await expect.poll(active).toBe('H1 Engraved cutting board');
    await customer.goBack();
    await expect.poll(active).toBe('H1 Candle set for an event');
  });
});
