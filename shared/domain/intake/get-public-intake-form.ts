import { getShopCollection, type ShopCollection, type StoredIntakeForm } from '#shared/db/intake-form.ts';
import { getShopIdBySlug } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';

export type PublicIntake = { collection: ShopCollection; form: StoredIntakeForm };

/** A shop's live form for customers: the one asked for, or the shop's default. Archived forms are gone. */
export async function getPublicIntakeForm(ctx: DomainContext, slug: string, formId?: string): Promise<PublicIntake> {
  const shopId = await getShopIdBySlug(ctx.db, slug.toLowerCase());
  const collection = shopId ? await getShopCollection(ctx.db, shopId) : undefined;
  if (!collection) throw new AppError('not_found', 'No shop at this address.');
  const live = collection.forms.filter((f) => !f.archived);
  const form = live.find((f) => f.formId === (formId ?? collection.shop.defaultFormId)) ?? (formId ? undefined : live[0]);
  if (!form) throw new AppError('not_found', formId ? 'This form is no longer available.' : 'This shop is not taking custom requests yet.');
  return { collection, form };
}
