import { dueDateRange } from '#shared/domain/orders/due-date.ts';
import { addDays } from '#shared/text/calendar-date.ts';
import type { IntakeField, StoredAnswer } from '#shared/schemas/intake-form.ts';

type DateField = Extract<IntakeField, { type: 'date' }>;

/** Whether the seller marked this field as the date the order is due (only date fields can be). */
export const isDueDateField = (field: IntakeField): field is DateField => field.type === 'date' && field.dueDate === true;

/** The form's field whose answer is the order's due date, if the seller marked one. */
export const dueDateField = (fields: IntakeField[]): DateField | undefined => fields.find(isDueDateField);

/**
 * The form as a customer fills it in on `today`: the due-date field, if any, takes dates from
 * the first day the piece can still ship in time (today plus the days for delivery) and within
 * the range any due date must keep, inside the seller's own limits.
 */
export function withDueDateLimits(fields: IntakeField[], today: string): IntakeField[] {
  const range = dueDateRange(today);
  return fields.map((field) => {
    if (!isDueDateField(field)) return field;
    const earliest = addDays(today, field.dueDaysBefore ?? 0);
    const min = field.min && field.min > earliest ? field.min : earliest;
    const max = field.max && field.max < range.max ? field.max : range.max;
    return { ...field, min, max };
  });
}

/** Why a due-date question would leave customers no date to choose on `today`, if it would. */
export function dueDateQuestionProblem(fields: IntakeField[], today: string): { index: number; message: string } | undefined {
  const limited = withDueDateLimits(fields, today);
  const index = limited.findIndex((f) => isDueDateField(f) && f.min! > f.max!);
  return index < 0 ? undefined : { index, message: 'No date is left for customers to choose: move the latest date later, or the earliest sooner.' };
}

/** What a request's answers make the order's due date: the marked field's answer, less the days for delivery, if given. */
export function dueDateFromAnswers(fields: IntakeField[], answers: StoredAnswer[]): string | undefined {
  const marked = dueDateField(fields);
  const value = marked && answers.find((a) => a.fieldId === marked.id)?.value;
  return typeof value === 'string' && value ? addDays(value, -(marked.dueDaysBefore ?? 0)) : undefined;
}
