import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import { signInLinkParams, TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let seller: TestClient;
let ip = 0;
const visitor = () => new TestClient(ctx, { ip: `100.64.0.${++ip}` });

const boardAnswers = { engraving: 'The Parkers', wood: 'Oak', size: 'Small (30 × 20 cm)' };

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  seller = await signedInClient(ctx, 'seller@demo.test');
});
afterAll(() => ctx.dispose());

describe('the public request page', () => {
  it('serves the shop’s default form and lists its other forms', async () => {
    const res = await visitor().get('/api/shops/demo/intake-form');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.shop).toEqual({ name: 'Willow & Wick', slug: 'demo' });
    expect(body.form.name).toBe('Engraved cutting board');
    expect(body.form.fields.map((f: { id: string }) => f.id)).toEqual(['engraving', 'wood', 'size', 'extras', 'needed_by', 'notes', 'photos']);
    // The default comes first, then the others by name: the same order on every visit.
    expect(body.forms.map((f: { name: string }) => f.name)).toEqual(['Engraved cutting board', 'Candle set for an event']);
    const candle = body.forms.find((f: { name: string }) => f.name === 'Candle set for an event');
    const other = await (await visitor().get(`/api/shops/demo/intake-form?formId=${candle.formId}`)).json();
    expect(other.form.fields.some((f: { type: string }) => f.type === 'color')).toBe(true);
  });

  it('seeds demo requests the way the page makes them: the marked answer is the personalisation', async () => {
    const requested = await (await seller.get('/api/orders?status=requested')).json();
    const personalizations = await Promise.all(
      requested.items.map(async (o: { orderId: string }) => (await (await seller.get(`/api/orders/${o.orderId}`)).json()).order.personalization),
    );
    expect(personalizations).toEqual(expect.arrayContaining(['The Souzas · est. 2019', 'Ada & Ben · 12.06']));
  });

  it('makes the answer to the form’s due-date question, less the days for delivery, the order’s due date', async () => {
    ctx.setNow(new Date('2026-12-02T10:00:00Z'));
    try {
      // The demo board form allows 3 days for delivery: needed on Dec 20, it ships by Dec 17.
      const made = await visitor().post('/api/shops/demo/requests', { name: 'Dee Date', email: 'dee@example.test', answers: { ...boardAnswers, needed_by: '2026-12-20' } });
      expect(made.status).toBe(201);
      const { reference } = await made.json();
      const listed = (await (await seller.get(`/api/orders?q=${reference}`)).json()).items[0];
      expect(listed.dueDate).toBe('2026-12-17');

      // A date the piece can no longer reach in time is refused. Yesterday in UTC is still today west of it, so the earliest is Dec 1 + 3 days.
      const tooSoon = await visitor().post('/api/shops/demo/requests', { name: 'Dee Date', email: 'dee2@example.test', answers: { ...boardAnswers, needed_by: '2026-12-03' } });
      expect(tooSoon.status).toBe(400);
      expect((await tooSoon.json()).error.details.fields).toEqual([{ fieldId: 'needed_by', message: 'Choose Dec 4, 2026 or later.' }]);
      const westOfUtc = await visitor().post('/api/shops/demo/requests', { name: 'Dee Date', email: 'dee3@example.test', answers: { ...boardAnswers, needed_by: '2026-12-04' } });
      expect(westOfUtc.status).toBe(201);
      const tooFar = await visitor().post('/api/shops/demo/requests', { name: 'Dee Date', email: 'dee4@example.test', answers: { ...boardAnswers, needed_by: '2040-01-01' } });
      expect((await tooFar.json()).error.details.fields).toEqual([{ fieldId: 'needed_by', message: 'Choose Dec 1, 2036 or earlier.' }]);

      // Unanswered, the order has no due date.
      const open = await (await visitor().post('/api/shops/demo/requests', { name: 'Dee Date', email: 'dee5@example.test', answers: boardAnswers })).json();
      expect((await (await seller.get(`/api/orders?q=${open.reference}`)).json()).items[0].dueDate).toBeNull();
    } finally {
      ctx.setNow(undefined);
    }
  });

  it('seeds demo requests with the due date their customers asked for, less the days for delivery', async () => {
    const requested = await (await seller.get('/api/orders?status=requested')).json();
    const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    for (const summary of requested.items as Array<{ orderId: string; dueDate: string | null }>) {
      const { order } = await (await seller.get(`/api/orders/${summary.orderId}`)).json();
      const asked = order.intake?.answers.find((a: { fieldId: string }) => a.fieldId === 'needed_by' || a.fieldId === 'event_date');
      if (asked) expect(daysBetween(summary.dueDate!, asked.value)).toBe(asked.fieldId === 'needed_by' ? 3 : 5);
    }
    expect(requested.items.filter((o: { dueDate: string | null }) => o.dueDate).length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 for an unknown shop', async () => {
    const res = await visitor().get('/api/shops/nope/intake-form');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('creates a requested order with a reference and emails a link straight to it', async () => {
    const res = await visitor().post('/api/shops/demo/requests', { name: 'Pat Parker', email: 'Pat@Example.test', answers: boardAnswers });
    expect(res.status).toBe(201);
    const { reference } = await res.json();
    expect(reference).toMatch(/^WW-[0-9A-Z]{4}$/);
    const email = ctx.mailbox.list().find((m) => m.to === 'pat@example.test')!;
    expect(email.subject).toBe(`Willow & Wick received your request ${reference}`);
    expect(email.text).toContain(reference);
    const link = new URL(/http\S+/.exec(email.text)![0]);
    expect(link.pathname).toBe('/auth/verify');
    const next = signInLinkParams(link.href).get('next')!;
    expect(next).toMatch(/^\/orders\/[a-z0-9]{16}$/);

    // The link signs Pat in, and the order is there, with the answers as given.
    const pat = new TestClient(ctx);
    expect((await pat.post('/api/auth/sessions', { token: signInLinkParams(link.href).get('token') })).status).toBe(204);
    const page = await (await pat.get(`/api/${next.slice(1)}`)).json();
    expect(page.order).toMatchObject({ reference, status: 'requested', source: 'intake', customer: { email: 'pat@example.test', name: 'Pat Parker' } });
    expect(page.order.intake.answers).toContainEqual({ fieldId: 'wood', label: 'Wood', type: 'single_choice', value: 'Oak' });
    // The form marks the engraving as the text made on the piece: it is the order's personalization, to be confirmed on approval.
    expect(page.order.personalization).toBe('The Parkers');

    const dashboard = await (await seller.get(`/api/orders?q=${reference}`)).json();
    expect(dashboard.items.map((o: { reference: string }) => o.reference)).toEqual([reference]);
  });

  it('answers invalid answers with one clear message per field, and stores nothing', async () => {
    const before = (await (await seller.get('/api/shop/summary')).json()).counts.requested;
    const res = await visitor().post('/api/shops/demo/requests', { name: 'Pat', email: 'pat2@example.test', answers: { engraving: 'x'.repeat(41), wood: 'Pine' } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.fields).toEqual([
      { fieldId: 'engraving', message: 'Keep it to 40 characters (now 41).' },
      { fieldId: 'wood', message: 'Choose one of the options.' },
      { fieldId: 'size', message: 'This field is required.' },
    ]);
    expect((await (await seller.get('/api/shop/summary')).json()).counts.requested).toBe(before);
  });

  it('requires a name and a valid email', async () => {
    const res = await visitor().post('/api/shops/demo/requests', { name: '', email: 'nope', answers: boardAnswers });
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['email', 'name']);
  });

  it('pretends to accept a filled honeypot, and creates nothing', async () => {
    const before = (await (await seller.get('/api/shop/summary')).json()).counts.requested;
    const mails = ctx.mailbox.list().length;
    const res = await visitor().post('/api/shops/demo/requests', { name: 'Bot', email: 'bot@spam.test', answers: boardAnswers, website: 'http://spam.test' });
    expect(res.status).toBe(201);
    expect((await res.json()).reference).toMatch(/^WW-/);
    expect((await (await seller.get('/api/shop/summary')).json()).counts.requested).toBe(before);
    expect(ctx.mailbox.list()).toHaveLength(mails);
  });

  it('refuses an oversized request with 413', async () => {
    const res = await visitor().post('/api/shops/demo/requests', { name: 'Big', email: 'big@example.test', answers: { notes: 'x'.repeat(70_000), ...boardAnswers } });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('limits requests per IP address with 429 and Retry-After', async () => {
    const client = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await client.post('/api/shops/demo/requests', { name: 'Flood', email: `flood${i}@example.test`, answers: boardAnswers });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('sends at most five confirmations an hour to one address, without refusing its requests', async () => {
    const sent = () => ctx.mailbox.list().filter((m) => m.to === 'same@example.test').length;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await visitor().post('/api/shops/demo/requests', { name: 'Same', email: 'same@example.test', answers: boardAnswers })).status);
    // A stranger sending requests in someone's name cannot stop them asking, nor fill their inbox.
    expect(statuses).toEqual(Array(7).fill(201));
    expect(sent()).toBe(5);
  });
});

describe('the intake form builder', () => {
  const field = { id: 'colour', type: 'color', label: 'Favourite colour', required: true };

  it('creates a form, versions every save, and keeps orders on the version they filled in', async () => {
    const created = await seller.post('/api/shop/intake-forms', { name: 'Painted sign', fields: [{ id: 'words', type: 'short_text', label: 'Words', required: true }] });
    expect(created.status).toBe(201);
    const form = await created.json();
    expect(form).toMatchObject({ version: 1, isDefault: false, archived: false });

    const order = await visitor().post('/api/shops/demo/requests', { formId: form.formId, name: 'Vee', email: 'vee@example.test', answers: { words: 'Home' } });
    expect(order.status).toBe(201);

    const saved = await seller.request('PUT', `/api/shop/intake-forms/${form.formId}`, { json: { version: 1, name: 'Painted sign', fields: [{ id: 'words', type: 'short_text', label: 'Wording', required: true }, field] } });
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(2);

    const stale = await seller.request('PUT', `/api/shop/intake-forms/${form.formId}`, { json: { version: 1, name: 'Lost update', fields: [field] } });
    expect(stale.status).toBe(409);

    const { reference } = await order.json();
    const list = await (await seller.get(`/api/orders?q=${reference}`)).json();
    const page = await (await seller.get(`/api/orders/${list.items[0].orderId}`)).json();
    expect(page.order.intake).toMatchObject({ formVersion: 1, formName: 'Painted sign', answers: [{ fieldId: 'words', label: 'Words', value: 'Home' }] });

    // The new version now asks for the colour too.
    const missing = await visitor().post('/api/shops/demo/requests', { formId: form.formId, name: 'Vee', email: 'vee2@example.test', answers: { words: 'Home' } });
    expect(missing.status).toBe(400);
  });

  it('moves the default, and will not archive the default form', async () => {
    const created = await (await seller.post('/api/shop/intake-forms', { name: 'New default', isDefault: true, fields: [field] })).json();
    expect(created.isDefault).toBe(true);
    const publicForm = await (await visitor().get('/api/shops/demo/intake-form')).json();
    expect(publicForm.form.name).toBe('New default');
    const archive = await seller.request('PUT', `/api/shop/intake-forms/${created.formId}`, { json: { version: 1, name: 'New default', fields: [field], archived: true } });
    expect(archive.status).toBe(409);
    const { forms } = await (await seller.get('/api/shop/intake-forms')).json();
    expect(forms.filter((f: { isDefault: boolean }) => f.isDefault)).toHaveLength(1);
  });

  it('archives a form so customers can no longer use it', async () => {
    const created = await (await seller.post('/api/shop/intake-forms', { name: 'Seasonal', fields: [field] })).json();
    const archived = await seller.request('PUT', `/api/shop/intake-forms/${created.formId}`, { json: { version: 1, name: 'Seasonal', fields: [field], archived: true } });
    expect(archived.status).toBe(200);
    expect((await visitor().get(`/api/shops/demo/intake-form?formId=${created.formId}`)).status).toBe(404);
  });

  it('refuses a malformed form with the reasons', async () => {
    const res = await seller.post('/api/shop/intake-forms', { name: 'Bad', fields: [{ id: 'a', type: 'single_choice', label: 'Pick', options: ['only one'] }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('fields.0.options');
  });

  it('takes the personalization from the one text field marked as it, trimmed, and from no other', async () => {
    const words = { id: 'words', type: 'short_text', label: 'Words on the sign', required: true, maxLength: 60, personalization: true };
    const notes = { id: 'notes', type: 'long_text', label: 'Notes' };
    const form = await (await seller.post('/api/shop/intake-forms', { name: 'Marked sign', fields: [words, notes] })).json();
    const orderOf = async (answers: Record<string, string>, email: string) => {
      const res = await visitor().post('/api/shops/demo/requests', { formId: form.formId, name: 'Rae', email, answers });
      expect(res.status).toBe(201);
      const list = await (await seller.get(`/api/orders?q=${(await res.json()).reference}`)).json();
      return (await (await seller.get(`/api/orders/${list.items[0].orderId}`)).json()).order;
    };
    expect((await orderOf({ words: '  Home Sweet Home ', notes: 'Blue please' }, 'rae@example.test')).personalization).toBe('Home Sweet Home');

    // Unmarked, the same answers leave the personalization for the shop to write.
    const saved = await seller.request('PUT', `/api/shop/intake-forms/${form.formId}`, { json: { version: 1, name: 'Marked sign', fields: [{ ...words, personalization: false }, notes] } });
    expect(saved.status).toBe(200);
    expect((await orderOf({ words: 'Home', notes: 'Blue' }, 'rae2@example.test')).personalization).toBeNull();
  });

  it('refuses two personalization fields, or one longer than an order keeps', async () => {
    const marked = (id: string, maxLength: number) => ({ id, type: 'long_text', label: `Text ${id}`, maxLength, personalization: true });
    const two = await seller.post('/api/shop/intake-forms', { name: 'Two', fields: [marked('a', 100), marked('b', 100)] });
    expect(two.status).toBe(400);
    expect((await two.json()).error.message).toContain('Only one field can be the personalisation; "Text a" is already.');
    const long = await seller.post('/api/shop/intake-forms', { name: 'Long', fields: [marked('a', 1001)] });
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toContain('fields.0.maxLength: A personalisation is at most 1000 characters');
    expect((await seller.post('/api/shop/intake-forms', { name: 'Fits', fields: [marked('a', 1000)] })).status).toBe(201);
  });

  it('refuses two due-date questions, and takes the mark on date questions only', async () => {
    const due = (id: string) => ({ id, type: 'date', label: `Date ${id}`, dueDate: true });
    const two = await seller.post('/api/shop/intake-forms', { name: 'Two dates', fields: [due('a'), due('b')] });
    expect(two.status).toBe(400);
    expect((await two.json()).error.message).toContain('Only one field can be the due date; "Date a" is already.');
    const text = await seller.post('/api/shop/intake-forms', { name: 'Text due', fields: [{ id: 't', type: 'short_text', label: 'When', dueDate: true }] });
    expect(text.status).toBe(201);
    expect((await text.json()).fields[0].dueDate).toBeUndefined();
  });

  it('refuses a due-date question that leaves customers no date to choose, in the builder’s words', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const due = { id: 'when', type: 'date', label: 'Needed by', dueDate: true, dueDaysBefore: 5, max: today };
    const none = await seller.post('/api/shop/intake-forms', { name: 'No date left', fields: [due] });
    expect(none.status).toBe(400);
    expect((await none.json()).error.details).toEqual([{ path: 'fields.0.max', message: 'No date is left for customers to choose: move the latest date later, or the earliest sooner.' }]);
    // Raw zod wording never reaches the seller: a choice with one option, an option too long.
    const one = await seller.post('/api/shop/intake-forms', { name: 'One option', fields: [{ id: 'c', type: 'single_choice', label: 'Finish', options: ['Oiled'] }] });
    expect((await one.json()).error.details).toEqual([{ path: 'fields.0.options', message: 'A choice needs at least two options.' }]);
    const long = await seller.post('/api/shop/intake-forms', { name: 'Long option', fields: [{ id: 'c', type: 'single_choice', label: 'Finish', options: ['Oiled', 'x'.repeat(101)] }] });
    expect((await long.json()).error.details).toEqual([{ path: 'fields.0.options.1', message: 'An option is at most 100 characters.' }]);
    expect((await seller.post('/api/shop/intake-forms', { name: 'Date left', fields: [{ ...due, dueDaysBefore: 0 }] })).status).toBe(201);
  });

  it('is for sellers only', async () => {
    const ana = await signedInClient(ctx, 'ana@demo.test');
    expect((await ana.get('/api/shop/intake-forms')).status).toBe(403);
    expect((await ana.post('/api/shop/intake-forms', { name: 'X', fields: [field] })).status).toBe(403);
    expect((await new TestClient(ctx).get('/api/shop/intake-forms')).status).toBe(401);
  });
});
