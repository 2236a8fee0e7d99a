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

/** The details of a 404 for a live shop without the form asked for, so the page can offer the others. */
export type UnofferedForm = { reason: 'form_not_offered'; shop: { name: string; slug: string }; forms: Array<{ formId: string; name: string }> };

/** A shop's live form for customers: the one asked for, or the shop's default. Archived forms are gone. */
export async function getPublicIntakeForm(ctx: DomainContext, slug: string, formId?: string): Promise<PublicIntake> {
  const shopId = await getShopIdBySlug(ctx.db, slug.toLowerCase());
  const collection = shopId ? await getShopCollection(ctx.db, shopId) : undefined;
  if (!collection) throw new AppError('not_found', 'No shop at this address.');
  const live = collection.forms.filter((f) => !f.archived);
  const form = live.find((f) => f.formId === (formId ?? collection.shop.defaultFormId)) ?? (formId ? undefined : live[0]);
  const isDefault = (f: StoredIntakeForm) => f.formId === collection.shop.defaultFormId;
  const choices = [...live].sort((a, b) => Number(isDefault(b)) - Number(isDefault(a)) || a.name.localeCompare(b.name)).map((f) => ({ formId: f.formId, name: f.name }));
  if (!form) {
    // The shop is there: an old link (an archived form) leads the customer on to what it offers now.
    const offered: UnofferedForm = { reason: 'form_not_offered', shop: { name: collection.shop.name, slug: collection.shop.slug }, forms: choices };
    throw new AppError('not_found', formId ? 'This form is no longer offered.' : 'This shop is not taking custom requests yet.', { details: offered });
  }
  return { collection, form, choices };
}
