import { getShop } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { defaultRevisionMessage, revisionTerms } from '#shared/domain/designs/revision-policy.ts';
import { AppError } from '#shared/errors.ts';
import type { ShopSettings } from '#shared/schemas/shop-settings.ts';

/** The shop's name, its request page's address and its revision settings, with the version a save must name. */
export async function getShopSettings(ctx: DomainContext, shopId: string): Promise<ShopSettings> {
  const shop = await getShop(ctx.db, shopId);
  if (!shop) throw new AppError('not_found', 'No such shop.');
  const terms = revisionTerms(shop);
  return { version: shop.settingsVersion ?? 1, name: shop.name, slug: shop.slug, ...terms, defaultRevisionMessage: defaultRevisionMessage(terms.revisionAllowance) };
}
