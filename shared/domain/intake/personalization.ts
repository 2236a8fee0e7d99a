import type { IntakeField, StoredAnswer } from '#shared/schemas/intake-form.ts';

/** The longest personalization an order keeps, whether typed by the seller or taken from a request. */
export const personalizationMaxLength = 1000;

type TextField = Extract<IntakeField, { type: 'short_text' | 'long_text' }>;

/** Whether the seller marked this field as the text made on the piece (only text fields can be). */
export const isPersonalizationField = (field: IntakeField): field is TextField => (field.type === 'short_text' || field.type === 'long_text') && field.personalization === true;

/** The form's field whose answer is the text made on the piece, if the seller marked one. */
export const personalizationField = (fields: IntakeField[]): TextField | undefined => fields.find(isPersonalizationField);

/** What a request's answers make the order's personalization: the marked field's answer, trimmed, if any. */
export function personalizationFromAnswers(fields: IntakeField[], answers: StoredAnswer[]): string | undefined {
  const marked = personalizationField(fields);
  const value = marked && answers.find((a) => a.fieldId === marked.id)?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
