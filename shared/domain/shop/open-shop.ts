import * as z from '#shared/zod.ts';
import { customerHasOrders } from '#shared/db/order.ts';
import { getSeller, sellerCreation, type Seller } from '#shared/db/seller.ts';
import { getShop, getShopIdBySlug, shopCreation, type Shop } from '#shared/db/shop.ts';
import { transactWrite } from '#shared/db/transact.ts';
import type { StoredIntakeForm } from '#shared/db/intake-form.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId } from '#shared/domain/ids.ts';
import { saveIntakeForm } from '#shared/domain/intake/save-intake-form.ts';
import { AppError } from '#shared/errors.ts';
import { emailSchema, shopSlugPattern } from '#shared/schemas/common.ts';
import { intakeFormInputSchema } from '#shared/schemas/intake-form.ts';
import { shopSettingsInputSchema } from '#shared/schemas/shop-settings.ts';

/**
 * The request page's address, `/s/<slug>`: what the public routes accept
 * (functions/api/routes/public-intake.ts), kept in lower case because they look it up so.
 */
const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(shopSlugPattern, 'A shop’s address is 1 to 60 letters, digits or hyphens, as in willow-and-wick.');

/** A reference prefix as `referenceInSearch` reads one: 1 to 6 letters or digits. */
const referencePrefixSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,6}$/, 'An order reference prefix is 1 to 6 letters or digits, as in WW.')
  .transform((p) => p.toUpperCase());

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const openShopInputSchema = z.object({
  /** The seller's sign-in email, as sign-in reads it: trimmed and in lower case. */
  email: emailSchema().transform((email) => email.toLowerCase()),
  /** The same rules as the shop's name in its settings. */
  shopName: shopSettingsInputSchema().shape.name.unwrap(),
  slug: slugSchema,
  sellerName: z.string().trim().min(1).max(120, 'A seller’s name is at most 120 characters.').regex(/^\P{Cc}*$/u, 'A seller’s name is one line of text.').optional(),
  timeZone: z.string().trim().refine(isTimeZone, 'Not a time zone: use an IANA name such as Europe/London.').default('UTC'),
  referencePrefix: referencePrefixSchema.optional(),
});
export type OpenShopInput = z.input<typeof openShopInputSchema>;

export type OpenedShop = {
  shop: Shop;
  seller: Seller;
  /** The starter request form, the shop's default until the seller writes their own. */
  form: StoredIntakeForm;
  /** The email already has orders as a customer: once a seller, signing in opens the shop instead. */
  emailHasCustomerOrders: boolean;
};

/**
 * The form a new shop's request page offers until the seller writes their own (Forms in the
 * portal): what to make, the text to put on it, when it is needed, photos or sketches.
 */
export const starterForm = intakeFormInputSchema().parse({
  name: 'Custom order',
  description: 'Tell us what you would like made. We answer on your order page, usually with a quote, and send a proof before we make it.',
  isDefault: true,
  fields: [
    { id: 'piece', type: 'long_text', label: 'What would you like us to make?', help: 'The piece, its size, colours or materials: anything that helps us quote.', required: true, maxLength: 2000 },
    { id: 'personalisation', type: 'short_text', label: 'Text to put on the piece', help: 'Names, a date, a short line, spelled exactly as you want it.', maxLength: 200, personalization: true },
    { id: 'needed_by', type: 'date', label: 'Needed by', help: 'Leave empty if there is no rush.', dueDate: true, dueDaysBefore: 3 },
    { id: 'photos', type: 'file', label: 'Photos or sketches', maxFiles: 3 },
  ],
});

const smallWords = new Set(['a', 'an', 'and', 'the', 'of', 'by', 'co']);

/** A prefix for the shop's order references from its name: `Willow & Wick` gives `WW`; `AT` when the name has no Latin letters. */
export function referencePrefixFor(shopName: string): string {
  const words = shopName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const significant = words.filter((w) => !smallWords.has(w.toLowerCase()));
  const chosen = significant.length ? significant : words;
  const prefix = chosen.length === 1 ? chosen[0]!.slice(0, 2) : chosen.slice(0, 3).map((w) => w[0]).join('');
  return prefix.toUpperCase() || 'AT';
}

/**
 * Opens a shop for its first seller, as an operator does after deploying: the shop with its
 * address, the seller who signs in to it, and a starter request form so `/s/<slug>` takes
 * requests at once. Never replaces anything: an address or an email already in use is refused
 * (`conflict`) before anything is written.
 */
export async function openShop(ctx: DomainContext, raw: OpenShopInput): Promise<OpenedShop> {
  const parsed = openShopInputSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('validation_failed', details.map((d) => `${d.path}: ${d.message}`).join('\n'), { details });
  }
  const input = parsed.data;

  const [slugOwner, existingSeller] = await Promise.all([getShopIdBySlug(ctx.db, input.slug), getSeller(ctx.db, input.email)]);
  if (slugOwner) {
    const owner = await getShop(ctx.db, slugOwner);
    throw new AppError('conflict', `The address /s/${input.slug} belongs to the shop "${owner?.name ?? slugOwner}" already. Nothing was created.`, {
      details: { field: 'slug', shopId: slugOwner },
    });
  }
  if (existingSeller) {
    const theirs = await getShop(ctx.db, existingSeller.shopId);
    throw new AppError('conflict', `${input.email} signs in to the shop "${theirs?.name ?? existingSeller.shopId}" (/s/${theirs?.slug ?? '?'}) already. Nothing was created.`, {
      details: { field: 'email', shopId: existingSeller.shopId },
    });
  }

  const createdAt = ctx.now().toISOString();
  const shop: Shop = {
    shopId: newId(),
    slug: input.slug,
    name: input.shopName,
    timeZone: input.timeZone,
    referencePrefix: input.referencePrefix ?? referencePrefixFor(input.shopName),
    createdAt,
  };
  const seller: Seller = { email: input.email, shopId: shop.shopId, name: input.sellerName ?? input.shopName, createdAt };
  // One transaction: a run that loses a race for the address or the email leaves nothing behind.
  const writes = [...shopCreation(ctx.db.table, shop), sellerCreation(ctx.db.table, seller)];
  const written = await transactWrite(ctx.db, writes);
  if (!written.ok) {
    if (written.failedConditions.includes(writes.length - 1)) {
      throw new AppError('conflict', `${input.email} became the seller of another shop meanwhile. Nothing was created.`, { details: { field: 'email' } });
    }
    throw new AppError('conflict', `The address /s/${input.slug} was taken meanwhile. Nothing was created.`, { details: { field: 'slug' } });
  }
  const [form, emailHasCustomerOrders] = await Promise.all([saveIntakeForm(ctx, { shopId: shop.shopId, form: starterForm }), customerHasOrders(ctx.db, input.email)]);
  return { shop, seller, form, emailHasCustomerOrders };
}
