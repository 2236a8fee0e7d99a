import { getShopCollection } from '#shared/db/intake-form.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { AppError } from '#shared/errors.ts';
import type { IntakeForm } from '#shared/schemas/intake-form.ts';

/** The seller's forms, live ones first, with which one is the default (one Query). */
export async function listIntakeForms(ctx: DomainContext, shopId: string): Promise<{ forms: Array<IntakeForm & { archived: boolean }>; shopSlug: string }> {
  const collection = await getShopCollection(ctx.db, shopId);
  if (!collection) throw new AppError('not_found', 'No such shop.');
  const forms = collection.forms
    .map((f) => ({ formId: f.formId, version: f.version, name: f.name, description: f.description, fields: f.fields, isDefault: f.formId === collection.shop.defaultFormId, updatedAt: f.updatedAt, archived: f.archived }))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  return { forms, shopSlug: collection.shop.slug };
}
