import { dueDateRange } from '#shared/domain/orders/due-date.ts';
import type { IntakeField, StoredAnswer } from '#shared/schemas/intake-form.ts';

type DateField = Extract<IntakeField, { type: 'date' }>;

/** Whether the seller marked this field as the date the order is due (only date fields can be). */
export const isDueDateField = (field: IntakeField): field is DateField => field.type === 'date' && field.dueDate === true;

/** The form's field whose answer is the order's due date, if the seller marked one. */
export const dueDateField = (fields: IntakeField[]): DateField | undefined => fields.find(isDueDateField);

/**
 * The form as a customer fills it in on `today`: the due-date field, if any, takes dates from
 * today on and within the range any due date must keep, inside the seller's own limits. A date
 * already past cannot be when the order is needed.
 */
export function withDueDateLimits(fields: IntakeField[], today: string): IntakeField[] {
  const range = dueDateRange(today);
  return fields.map((field) => {
    if (!isDueDateField(field)) return field;
    const min = field.min && field.min > today ? field.min : today;
    const max = field.max && field.max < range.max ? field.max : range.max;
    return { ...field, min, max };
  });
}

/** What a request's answers make the order's due date: the marked field's answer, if given. */
export function dueDateFromAnswers(fields: IntakeField[], answers: StoredAnswer[]): string | undefined {
  const marked = dueDateField(fields);
  const value = marked && answers.find((a) => a.fieldId === marked.id)?.value;
  return typeof value === 'string' && value ? value : undefined;
}
