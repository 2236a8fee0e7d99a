import { getShopCollection, type ShopCollection, type StoredIntakeForm } from '#shared/db/intake-form.ts';
import { getShopIdBySlug } from '#shared/db/shop.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';

export type PublicIntake = {
  collection: ShopCollection;
  form: StoredIntakeForm;
  /** The shop's live forms a customer can pick from, in a stable order: the default first, then by name. */
  choices: Array<{ formId: string; name: string }>;
};

/** A shop's live form for customers: the one asked for, or the shop's default. Archived forms are gone. */
export async function getPublicIntakeForm(ctx: DomainContext, slug: string, formId?: string): Promise<PublicIntake> {
  const shopId = await getShopIdBySlug(ctx.db, slug.toLowerCase());
  const collection = shopId ? await getShopCollection(ctx.db, shopId) : undefined;
  if (!collection) throw new AppError('not_found', 'No shop at this address.');
  const live = collection.forms.filter((f) => !f.archived);
  const form = live.find((f) => f.formId === (formId ?? collection.shop.defaultFormId)) ?? (formId ? undefined : live[0]);
  if (!form) throw new AppError('not_found', formId ? 'This form is no longer available.' : 'This shop is not taking custom requests yet.');
  const isDefault = (f: StoredIntakeForm) => f.formId === collection.shop.defaultFormId;
  const choices = [...live].sort((a, b) => Number(isDefault(b)) - Number(isDefault(a)) || a.name.localeCompare(b.name)).map((f) => ({ formId: f.formId, name: f.name }));
  return { collection, form, choices };
}
