import { calendarDateInWords } from '#shared/text/calendar-date.ts';
import type { AnswerValue, IntakeField, StoredAnswer } from '#shared/schemas/intake-form.ts';

export type FieldError = { fieldId: string; message: string };

/**
 * The colour a colour question shows before the customer picks one. A colour picker cannot be
 * empty, so on a required question what it shows is the customer's answer: kept untouched, it is
 * the colour they send. An optional one starts with no preference, until a colour is picked.
 */
export const initialColour = '#8a4b2a';

/** The answers a form starts with, before the customer touches it: each required colour question's shown colour. */
export function initialAnswers(fields: IntakeField[]): Record<string, AnswerValue> {
  return Object.fromEntries(fields.filter((f) => f.type === 'color' && f.required).map((f) => [f.id, initialColour]));
}

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Checks one answer against its field; undefined when it holds. Messages speak to the customer. */
function checkAnswer(field: IntakeField, value: AnswerValue | undefined): string | undefined {
  if (isEmpty(value) || (field.type === 'checkbox' && value === false)) {
    return field.required ? (field.type === 'checkbox' ? 'Please tick this box.' : 'This field is required.') : undefined;
  }
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return 'Enter text.';
      const length = [...value.trim()].length;
      if (field.minLength !== undefined && length < field.minLength) return `Enter at least ${field.minLength} characters.`;
      if (length > field.maxLength) return `Keep it to ${field.maxLength} characters (now ${length}).`;
      return undefined;
    }
    case 'number': {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return 'Enter a number.';
      if (field.integer && !Number.isInteger(n)) return 'Enter a whole number.';
      if (field.min !== undefined && n < field.min) return `Enter ${field.min} or more.`;
      if (field.max !== undefined && n > field.max) return `Enter ${field.max} or less.`;
      return undefined;
    }
    case 'single_choice':
      return typeof value === 'string' && field.options.includes(value) ? undefined : 'Choose one of the options.';
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.some((v) => !field.options.includes(v)) || new Set(value).size !== value.length) return 'Choose from the options.';
      if (field.minSelected !== undefined && value.length < field.minSelected) return `Choose at least ${field.minSelected}.`;
      if (field.maxSelected !== undefined && value.length > field.maxSelected) return `Choose at most ${field.maxSelected}.`;
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Enter a date.';
      if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) return 'Enter a real date.';
      if (field.min && value < field.min) return `Choose ${calendarDateInWords(field.min)} or later.`;
      if (field.max && value > field.max) return `Choose ${calendarDateInWords(field.max)} or earlier.`;
      return undefined;
    }
    case 'color':
      return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? undefined : 'Choose a colour.';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'Tick or untick the box.';
    case 'file':
      // The answer names uploads of this request's draft; submitting checks that they are.
      if (!Array.isArray(value) || value.some((v) => !/^[a-z0-9]{16}$/.test(v)) || new Set(value).size !== value.length) return 'Attach the files again.';
      return value.length > field.maxFiles ? `Attach at most ${field.maxFiles} ${field.maxFiles === 1 ? 'file' : 'files'}.` : undefined;
  }
}

/** Normalises an accepted answer to what the order keeps. */
function normalise(field: IntakeField, value: AnswerValue): AnswerValue {
  if (field.type === 'number') return Number(value);
  if (field.type === 'color' && typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'string') return value.trim();
  return value;
}

/**
 * Validates a customer's answers against the form version they filled in: every problem is
 * reported per field at once, and unknown fields are refused rather than silently kept.
 */
export function validateAnswers(
  fields: IntakeField[],
  answers: Record<string, AnswerValue | undefined>,
): { ok: true; answers: StoredAnswer[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push({ fieldId: id, message: 'This form has no such field.' });
  const stored: StoredAnswer[] = [];
  for (const field of fields) {
    const value = answers[field.id];
    const problem = checkAnswer(field, value);
    if (problem) errors.push({ fieldId: field.id, message: problem });
    else if (!isEmpty(value) && !(field.type === 'checkbox' && value === false && !field.required))
      stored.push({ fieldId: field.id, label: field.label, type: field.type, value: normalise(field, value as AnswerValue) });
    else if (field.type === 'checkbox') stored.push({ fieldId: field.id, label: field.label, type: field.type, value: false });
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: stored };
}
