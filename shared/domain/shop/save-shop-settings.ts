import { saveShopSettings as save } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { getShopSettings } from '#shared/domain/shop/get-shop-settings.ts';
import { AppError } from '#shared/errors.ts';
import type { ShopSettings, ShopSettingsInput } from '#shared/schemas/shop-settings.ts';

/**
 * Saves the shop's settings against the version the seller saw. New orders take up the revision
 * terms; orders already made keep the terms they were made under. A new name is read wherever the
 * shop is read (request page, emails, the seller's top bar); the slug never changes with it, so
 * links already given to customers keep working.
 */
export async function saveShopSettings(ctx: DomainContext, shopId: string, input: ShopSettingsInput): Promise<ShopSettings> {
  const result = await save(ctx.db, shopId, { name: input.name, revisionAllowance: input.revisionAllowance, revisionMessage: input.revisionMessage || undefined }, input.version);
  if (result === 'stale') throw new AppError('version_conflict', 'These settings were changed meanwhile. Reload them and try again.');
  return getShopSettings(ctx, shopId);
}
