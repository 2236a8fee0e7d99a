/**
 * The operator's command that opens a shop on a deployed stack (or DynamoDB Local):
 *
 *   npm run create-shop -- --table <TableName> --email <seller email> --name "<shop name>" --slug <slug>
 *
 * It writes the shop, its seller and a starter request form through the same functions the app
 * uses, and refuses (exit 1, nothing written) an address or an email already in use.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localCredentials } from '#shared/aws/clients.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { openShop } from '#shared/domain/shop/open-shop.ts';
import { AppError } from '#shared/errors.ts';

export const usage = `Opens a shop for its first seller.

  npm run create-shop -- --table <TableName> --email <seller email> --name "<shop name>" --slug <slug>

  --table        the stack's TableName output (or TABLE_NAME)
  --email        the seller's email: they sign in with it at <PortalUrl>/sign-in
  --name         the shop's name, as customers read it (the seller can change it in Settings)
  --slug         the request page's address, <PortalUrl>/s/<slug>: letters, digits and hyphens; never changes
  --region       the table's region (default: AWS_REGION, then the AWS SDK's usual configuration)
  --portal-url   the stack's PortalUrl output, to print the links in full
  --seller-name  the seller's name (default: the shop's name)
  --prefix       1 to 6 letters or digits that start the shop's order references (default: from the name)
  --time-zone    the shop's IANA time zone (default: UTC)

DYNAMODB_ENDPOINT points it at DynamoDB Local instead of AWS.`;

export type CommandOutput = { out: (line: string) => void; err: (line: string) => void };

const consoleOutput: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Exit codes: 0 created, 1 refused or failed (nothing written unless it says so), 2 wrong arguments. */
export async function createShopCommand(argv: string[], env: Record<string, string | undefined> = process.env, io: CommandOutput = consoleOutput): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        table: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        slug: { type: 'string' },
        region: { type: 'string' },
        'portal-url': { type: 'string' },
        'seller-name': { type: 'string' },
        prefix: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const option = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const table = option('table') ?? env.TABLE_NAME;
  const missing = [['--table', table], ['--email', option('email')], ['--name', option('name')], ['--slug', option('slug')]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) {
    io.err(`Missing ${missing.join(', ')}.\n\n${usage}`);
    return 2;
  }
  const portalUrl = option('portal-url')?.replace(/\/+$/, '');
  if (portalUrl !== undefined && !/^https?:\/\/[^\s/]+$/.test(portalUrl)) {
    io.err(`--portal-url is the portal's origin, as in https://d1234.cloudfront.net (the stack's PortalUrl output).`);
    return 2;
  }

  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  const region = option('region') ?? (env.AWS_REGION || undefined) ?? (endpoint ? 'local' : undefined);
  const raw = new DynamoDBClient({
    // Without a region the SDK reads AWS_DEFAULT_REGION, the profile and the like, as the AWS CLI does.
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint, credentials: localCredentials, maxAttempts: 1 } : { maxAttempts: 3 }),
  });
  const db = { ddb: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } }), table: table! };
  const where = endpoint ? `${table} at ${endpoint}` : `${table}${region ? ` in ${region}` : ''}`;

  try {
    const opened = await openShop(commandContext(db), {
      email: option('email')!,
      shopName: option('name')!,
      slug: option('slug')!,
      sellerName: option('seller-name'),
      referencePrefix: option('prefix'),
      timeZone: option('time-zone'),
    });
    const { shop, seller, form } = opened;
    const portal = portalUrl ?? '<PortalUrl>';
    io.out(
      [
        `Opened the shop "${shop.name}" in ${where}:`,
        `  shop id        ${shop.shopId}`,
        `  request page   ${portal}/s/${shop.slug}`,
        `  references     ${shop.referencePrefix}-XXXX`,
        `  time zone      ${shop.timeZone}`,
        `  seller         ${seller.email} (${seller.name})`,
        `  request form   "${form.name}", the default until the seller writes their own under Forms`,
        '',
        `To sign in, ${seller.email} opens ${portal}/sign-in, enters that email and follows the link that arrives by email.`,
        ...(portalUrl ? [] : ['(<PortalUrl> is the stack output of that name.)']),
        ...(endpoint ? [] : ['While the SES account is in the sandbox, email reaches only verified addresses: verify the seller’s address in SES too, or ask AWS for production access.']),
        ...(opened.emailHasCustomerOrders
          ? ['', `Note: ${seller.email} also has orders as a customer. Signing in with it now opens the shop, not those orders.`]
          : []),
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      io.err(`Not created:\n${error.message.replace(/^/gm, '  ')}`);
      return 2;
    }
    if (error instanceof AppError && error.code === 'conflict') {
      io.err(`Refused: ${error.message}`);
      return 1;
    }
    io.err(`Failed on ${where}: ${describeAwsError(error, table!)}`);
    return 1;
  } finally {
    raw.destroy();
  }
}

function describeAwsError(error: unknown, table: string): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'ResourceNotFoundException') return `there is no table ${table} there. Use the stack's TableName output, and --region for its region.`;
  if (/region is missing/i.test(message)) return 'no AWS region is set: pass --region or set AWS_REGION.';
  if (name === 'CredentialsProviderError' || /credential/i.test(message)) return `no usable AWS credentials (${message}). Set them as for the deploy.`;
  return message;
}

/**
 * What the use case may reach: the table and the clock. Mail, events, files and the app's
 * configuration are not this command's; a use case that reached for them would fail loudly.
 */
function commandContext(db: DomainContext['db']): DomainContext {
  const absent = <T extends object>(what: string): T =>
    new Proxy({} as T, {
      get(_, property) {
        throw new Error(`create-shop has no ${what} (asked for ${String(property)})`);
      },
    });
  return { db, now: () => new Date(), config: absent('configuration'), mailer: absent('mailer'), publisher: absent('event publisher'), files: absent('file store') };
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(realpathSync(invokedPath)).href) {
  process.exitCode = await createShopCommand(process.argv.slice(2));
}
