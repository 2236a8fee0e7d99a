import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopCommand } from '#infra/bin/create-shop.ts';
import { getSeller } from '#shared/db/seller.ts';
import { getShop, getShopIdBySlug } from '#shared/db/shop.ts';
import { TestClient } from '#test/helpers/http.ts';
import { signedInClient } from '#test/helpers/sign-in.ts';
import { createTestContext, type TestContext } from '#test/helpers/test-context.ts';

/**
 * The operator's `npm run create-shop` against DynamoDB Local: after a deploy the table is
 * empty, and this command is how the first shop and its seller come to exist.
 */
let ctx: TestContext;
let env: Record<string, string | undefined>;

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await createShopCommand(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const args = (o: { email: string; name: string; slug: string }, ...more: string[]) => ['--table', ctx.config.tableName, '--email', o.email, '--name', o.name, '--slug', o.slug, ...more];
/** Everything in the table, to show a refused run wrote nothing. */
const tableContents = async () => {
  const out = await ctx.deps.db.ddb.send(new ScanCommand({ TableName: ctx.config.tableName }));
  return (out.Items ?? []).sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
};
let nextIp = 1;
const visitor = () => new TestClient(ctx, { ip: `100.64.9.${nextIp++}` });

const maker = { email: '  Maker@Example.TEST ', name: '  Oak & Ash Workshop ', slug: 'Oak-And-Ash' };
let created: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  ctx = await createTestContext();
  // Only what the command reads: the endpoint of DynamoDB Local, no app configuration.
  env = { DYNAMODB_ENDPOINT: ctx.config.dynamodbEndpoint };
});
afterAll(() => ctx.dispose());

describe('npm run create-shop', () => {
  it('on a fresh table, nobody can sign in and no request page answers: the problem it solves', async () => {
    expect(await tableContents()).toEqual([]);
    expect((await visitor().post('/api/auth/magic-links', { email: 'maker@example.test' })).status).toBe(202);
    expect(ctx.mailbox.list()).toEqual([]);
    expect((await visitor().get('/api/shops/oak-and-ash/intake-form')).status).toBe(404);
  });

  it('opens the shop and its seller, normalised as the app reads them, and says how to sign in', async () => {
    created = await run(args(maker, '--portal-url', 'https://d111.cloudfront.net/', '--seller-name', 'Rosa Marsh'));
    expect(created.err).toBe('');
    expect(created.code).toBe(0);

    const shopId = await getShopIdBySlug(ctx.deps.db, 'oak-and-ash');
    expect(shopId).toMatch(/^[a-z0-9]{16}$/);
    expect(await getShop(ctx.deps.db, shopId!)).toMatchObject({ shopId, slug: 'oak-and-ash', name: 'Oak & Ash Workshop', referencePrefix: 'OAW', timeZone: 'UTC' });
    expect(await getSeller(ctx.deps.db, 'maker@example.test')).toMatchObject({ email: 'maker@example.test', shopId, name: 'Rosa Marsh' });

    expect(created.out).toContain('Opened the shop "Oak & Ash Workshop"');
    expect(created.out).toContain(`shop id        ${shopId}`);
    expect(created.out).toContain('https://d111.cloudfront.net/s/oak-and-ash');
    expect(created.out).toContain('maker@example.test opens https://d111.cloudfront.net/sign-in');
  });

  it('lets the seller ask for a sign-in link, which arrives, and open their desk', async () => {
    // Typed as the seller might: the link goes to the address as the command stored it.
    expect((await visitor().post('/api/auth/magic-links', { email: ' Maker@Example.test' })).status).toBe(202);
    const sent = ctx.mailbox.list().filter((m) => m.to === 'maker@example.test');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toMatch(/\/auth\/verify#token=/);
    const seller = await signedInClient(ctx, 'maker@example.test');
    const me = await (await seller.get('/api/me')).json();
    expect(me).toMatchObject({ kind: 'seller', email: 'maker@example.test', shop: { slug: 'oak-and-ash', name: 'Oak & Ash Workshop' } });
    const summary = await seller.get('/api/shop/summary');
    expect(summary.status).toBe(200);
    expect(await summary.json()).toMatchObject({ shop: { slug: 'oak-and-ash' }, open: 0 });
    const forms = await (await seller.get('/api/shop/intake-forms')).json();
    expect(forms).toMatchObject({ shopSlug: 'oak-and-ash', forms: [{ name: 'Custom order', isDefault: true, archived: false }] });
  });

  it('gives the shop a request page that answers and takes a request', async () => {
    const page = await visitor().get('/api/shops/oak-and-ash/intake-form');
    expect(page.status).toBe(200);
    const body = await page.json();
    expect(body).toMatchObject({ shop: { name: 'Oak & Ash Workshop', slug: 'oak-and-ash' }, form: { name: 'Custom order' } });

    const asked = await visitor().post('/api/shops/oak-and-ash/requests', {
      name: 'Cleo Hart',
      email: 'cleo@example.test',
      answers: { piece: 'A walnut serving board, about 40 cm long.', personalisation: 'The Harts' },
    });
    expect(asked.status).toBe(201);
    expect((await asked.json()).reference).toMatch(/^OAW-[0-9A-Z]{4}$/);
    const seller = await signedInClient(ctx, 'maker@example.test');
    const orders = await (await seller.get('/api/orders?status=requested')).json();
    expect(orders.items).toMatchObject([{ title: 'Custom order', personalization: 'The Harts' }]);
  });

  it('refuses a second shop at the same address, or for the same email, and changes nothing', async () => {
    const before = await tableContents();
    const sameSlug = await run(args({ email: 'other@example.test', name: 'Another Shop', slug: 'OAK-AND-ASH' }));
    expect(sameSlug.code).toBe(1);
    expect(sameSlug.err).toContain('Refused: The address /s/oak-and-ash belongs to the shop "Oak & Ash Workshop" already. Nothing was created.');
    const sameEmail = await run(args({ email: 'MAKER@example.test', name: 'Another Shop', slug: 'another-shop' }));
    expect(sameEmail.code).toBe(1);
    expect(sameEmail.err).toContain('Refused: maker@example.test signs in to the shop "Oak & Ash Workshop" (/s/oak-and-ash) already. Nothing was created.');
    // The very same command again, as the operator would type it, through npm: exit code 1.
    const again = await promisify(execFile)('npm', ['run', '--silent', 'create-shop', '--', ...args(maker)], { env: { ...process.env, ...env, AWS_REGION: '' } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Refused: The address /s/oak-and-ash belongs to the shop "Oak & Ash Workshop" already.');
    expect(await tableContents()).toEqual(before);
    expect(await getShopIdBySlug(ctx.deps.db, 'another-shop')).toBeUndefined();
  }, 60_000);

  it('leaves nothing behind for the run that loses a race for the same email or the same address', async () => {
    const email = 'racer@example.test';
    const [first, second] = await Promise.all([
      run(args({ email, name: 'Race One', slug: 'race-one' })),
      run(args({ email, name: 'Race Two', slug: 'race-two' })),
    ]);
    expect([first.code, second.code].sort()).toEqual([0, 1]);
    const loser = first.code === 0 ? second : first;
    expect(loser.err).toMatch(/Refused: racer@example\.test (became the seller of another shop meanwhile|signs in to the shop "Race (One|Two)" .* already)\. Nothing was created\./);
    const winnerSlug = first.code === 0 ? 'race-one' : 'race-two';
    const loserSlug = first.code === 0 ? 'race-two' : 'race-one';
    expect((await getSeller(ctx.deps.db, email))?.shopId).toBe(await getShopIdBySlug(ctx.deps.db, winnerSlug));
    expect(await getShopIdBySlug(ctx.deps.db, loserSlug)).toBeUndefined();

    const sameSlug = await Promise.all([run(args({ email: 'a.racer@example.test', name: 'Slug Race', slug: 'slug-race' })), run(args({ email: 'b.racer@example.test', name: 'Slug Race', slug: 'slug-race' }))]);
    expect(sameSlug.map((r) => r.code).sort()).toEqual([0, 1]);
    const sellers = await Promise.all([getSeller(ctx.deps.db, 'a.racer@example.test'), getSeller(ctx.deps.db, 'b.racer@example.test')]);
    expect(sellers.filter(Boolean)).toHaveLength(1);
  });

  it('checks the inputs with the app’s own rules, and writes nothing for a wrong one', async () => {
    const before = await tableContents();
    const cases: Array<[Partial<typeof maker>, string]> = [
      [{ name: '   ' }, 'shopName: Your shop needs a name.'],
      [{ name: 'x'.repeat(81) }, 'shopName: A shop’s name is at most 80 characters.'],
      [{ name: 'Two\nlines' }, 'shopName: A shop’s name is one line of text.'],
      [{ email: 'not-an-email' }, 'email: Enter a valid email address.'],
      [{ slug: 'my shop' }, 'slug: A shop’s address is 1 to 60 letters, digits or hyphens'],
      [{ slug: 'a/b' }, 'slug: A shop’s address is 1 to 60 letters, digits or hyphens'],
      [{ slug: 'x'.repeat(61) }, 'slug: A shop’s address is 1 to 60 letters, digits or hyphens'],
    ];
    for (const [change, said] of cases) {
      const result = await run(args({ email: 'new@example.test', name: 'New Shop', slug: 'new-shop', ...change }));
      expect(result.code, JSON.stringify(change)).toBe(2);
      expect(result.err).toContain(said);
    }
    const badZone = await run(args({ email: 'new@example.test', name: 'New Shop', slug: 'new-shop' }, '--time-zone', 'Mars/Olympus'));
    expect([badZone.code, badZone.err]).toEqual([2, expect.stringContaining('timeZone: Not a time zone')]);
    const missing = await run(['--table', ctx.config.tableName, '--email', 'new@example.test']);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('Missing --name, --slug.')]);
    expect(await tableContents()).toEqual(before);
  });

  it('says so when the table is not there', async () => {
    const result = await createShopCommand(['--table', 'no-such-table', '--email', 'x@example.test', '--name', 'X', '--slug', 'x'], env, { out: () => undefined, err: (l) => expect(l).toContain('there is no table no-such-table there') });
    expect(result).toBe(1);
  });
});
