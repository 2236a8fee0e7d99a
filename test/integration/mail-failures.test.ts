import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '#infra/local/demo-seed.ts';
import type { Email, Mailer } from '#shared/mail/mailer.ts';
import { signInLinkParams, TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

let ctx: TestContext;
let seller: TestClient;
let ip = 0;
const visitor = () => new TestClient(ctx, { ip: `100.66.0.${++ip}` });
const boardAnswers = { engraving: 'The Parkers', wood: 'Oak', size: 'Small (30 × 20 cm)' };

/** SES as it fails: the sandbox's MessageRejected names the address; throttling is the SDK's own kind. */
const sesErrors = {
  rejected: () =>
    Object.assign(new Error('Email address is not verified. The following identities failed the check in region EU-WEST-1: '), {
      name: 'MessageRejected',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'ses-req-1' },
    }),
  throttled: () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } }),
  down: () => Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable', $fault: 'server', $metadata: { httpStatusCode: 503 } }),
};

/** A mailer that refuses every email, after noting what it was asked to send (so the test knows the link). */
class FailingMailer implements Mailer {
  tried: Email[] = [];
  constructor(private readonly fail: () => Error) {}
  async send(email: Email): Promise<void> {
    this.tried.push(email);
    const error = this.fail();
    error.message += email.to;
    throw error;
  }
}

let realMailer: Mailer;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps);
  seller = await signedInClient(ctx, 'seller@demo.test');
  realMailer = ctx.deps.mailer;
});
afterEach(() => {
  ctx.deps.mailer = realMailer;
  vi.restoreAllMocks();
});
afterAll(() => ctx.dispose());

/** Every log line written while `run` ran, as JSON, beside the mailer that failed. */
async function withFailingMail(fail: () => Error, run: () => Promise<void>) {
  const mailer = new FailingMailer(fail);
  ctx.deps.mailer = mailer;
  const errors = vi.spyOn(ctx.deps.logger, 'error');
  const warnings = vi.spyOn(ctx.deps.logger, 'warn');
  await run();
  return { mailer, logged: JSON.stringify([...errors.mock.calls, ...warnings.mock.calls]), errors: errors.mock.calls };
}

function expectNoSecrets(logged: string, mailer: FailingMailer, email: string) {
  expect(mailer.tried.length).toBeGreaterThan(0);
  const link = /http\S+/.exec(mailer.tried[0]!.text)![0];
  const token = signInLinkParams(link).get('token')!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(logged).not.toContain(email);
  expect(logged).not.toContain(token);
  expect(logged).not.toContain('/auth/verify');
}

describe('an order request whose email cannot be sent', () => {
  for (const [kind, fail] of Object.entries(sesErrors)) {
    it(`still answers 201 with the reference, makes one order, and logs the failure without the address or link (${kind})`, async () => {
      const email = `mailfail-${kind}@example.test`;
      let res: Response | undefined;
      const { mailer, logged, errors } = await withFailingMail(fail, async () => {
        res = await visitor().post('/api/shops/demo/requests', { name: 'Mo Mailless', email, answers: boardAnswers });
      });
      expect(res!.status).toBe(201);
      const { reference } = await res!.json();
      expect(reference).toMatch(/^WW-[0-9A-Z]{4}$/);

      // The order is there, once: the shop sees it, and the customer has no reason to send it again.
      const found = await (await seller.get(`/api/orders?q=${encodeURIComponent(email)}`)).json();
      expect(found.items.map((o: { reference: string }) => o.reference)).toEqual([reference]);

      expect(errors).toHaveLength(1);
      expect(errors[0]![0]).toBe('request-received email not sent');
      expect(errors[0]![1]).toMatchObject({ reference, errorName: fail().name });
      expectNoSecrets(logged, mailer, email);
    });
  }
});

describe('a sign-in request whose email cannot be sent', () => {
  for (const [kind, fail] of Object.entries(sesErrors)) {
    it(`answers a known address as an unknown one, 202, and logs the failure without the address or link (${kind})`, async () => {
      let known: Response | undefined;
      let unknown: Response | undefined;
      const { mailer, logged, errors } = await withFailingMail(fail, async () => {
        known = await visitor().post('/api/auth/magic-links', { email: 'ana@demo.test' });
        unknown = await visitor().post('/api/auth/magic-links', { email: 'nobody-at-all@demo.test' });
      });
      expect(known!.status).toBe(202);
      expect(unknown!.status).toBe(202);
      expect(await known!.json()).toEqual(await unknown!.json());
      expect(known!.headers.get('retry-after')).toBeNull();

      expect(errors).toHaveLength(1);
      expect(errors[0]![0]).toBe('sign-in email not sent');
      expect(errors[0]![1]).toMatchObject({ errorName: fail().name });
      expectNoSecrets(logged, mailer, 'ana@demo.test');
    });
  }
});
