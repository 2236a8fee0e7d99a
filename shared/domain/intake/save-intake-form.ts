import { saveIntakeFormVersion, type StoredIntakeForm } from '#shared/db/intake-form.ts';
import { getShopCollection } from '#shared/db/intake-form.ts';
import type { DomainContext } from '#shared/domain/context.ts';
import { newId } from '#shared/domain/ids.ts';
import { AppError } from '#shared/errors.ts';
import { dueDateQuestionProblem } from '#shared/domain/intake/due-date-field.ts';
import { isoToday } from '#shared/domain/orders/order-views.ts';
import type { IntakeFormInput } from '#shared/schemas/intake-form.ts';

/**
 * Creates a form (no `formId`) or saves its next version. Orders keep the version they were
 * filled with, so editing a form never changes what a customer already answered.
 */
export async function saveIntakeForm(
  ctx: DomainContext,
  input: { shopId: string; formId?: string | undefined; expectedVersion?: number | undefined; form: IntakeFormInput; archived?: boolean },
): Promise<StoredIntakeForm> {
  const collection = await getShopCollection(ctx.db, input.shopId);
  if (!collection) throw new AppError('not_found', 'No such shop.');
  const existing = input.formId ? collection.forms.find((f) => f.formId === input.formId) : undefined;
  if (input.formId && !existing) throw new AppError('not_found', 'No such intake form.');
  if (existing && input.expectedVersion !== existing.version) {
    throw new AppError('version_conflict', 'This form was changed meanwhile. Reload it and try again.', { details: { currentVersion: existing.version } });
  }
  // Archiving a form whose dates have run out is how a seller ends it: only a form offered must leave a date to choose.
  const noDateLeft = input.archived ? undefined : dueDateQuestionProblem(input.form.fields, isoToday(ctx.now()));
  if (noDateLeft) {
    const path = `fields.${noDateLeft.index}.max`;
    throw new AppError('validation_failed', `${path}: ${noDateLeft.message}`, { details: [{ path, message: noDateLeft.message }] });
  }
  const isFirst = collection.forms.filter((f) => !f.archived).length === 0;
  const makeDefault = !input.archived && (input.form.isDefault || isFirst);
  if (input.archived && collection.shop.defaultFormId === input.formId) {
    throw new AppError('conflict', 'This is the default form. Make another form the default before archiving it.');
  }
  const form: StoredIntakeForm = {
    formId: existing?.formId ?? newId(),
    shopId: input.shopId,
    version: (existing?.version ?? 0) + 1,
    name: input.form.name,
    description: input.form.description,
    fields: input.form.fields,
    archived: input.archived ?? false,
    updatedAt: ctx.now().toISOString(),
  };
  if ((await saveIntakeFormVersion(ctx.db, form, existing?.version ?? 0, makeDefault)) === 'stale') {
    throw new AppError('version_conflict', 'This form was changed meanwhile. Reload it and try again.');
  }
  return form;
}
