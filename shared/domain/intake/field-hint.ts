import type { IntakeField } from '#shared/schemas/intake-form.ts';
import { calendarDateInWords } from '#shared/text/calendar-date.ts';

/** Sentences joined into one text; one without its closing mark gets a full stop. */
export function joinSentences(...parts: Array<string | undefined>): string | undefined {
  const sentences = parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p));
  return sentences.map((s, i) => (i < sentences.length - 1 && !/[.!?…:;]["'”’)\]]*$/.test(s) ? `${s}.` : s)).join(' ') || undefined;
}

/** The limits an answer must keep, said up front rather than after sending. */
export function fieldLimits(field: IntakeField): string | undefined {
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return field.minLength ? `At least ${field.minLength} characters.` : undefined;
    case 'number': {
      const whole = field.integer ? ' Whole numbers only.' : '';
      if (field.min !== undefined && field.max !== undefined) return `From ${field.min} to ${field.max}.${whole}`;
      if (field.min !== undefined) return `${field.min} or more.${whole}`;
      if (field.max !== undefined) return `Up to ${field.max}.${whole}`;
      return whole.trim() || undefined;
    }
    case 'multiple_choice': {
      const min = field.minSelected || undefined;
      const max = field.maxSelected;
      if (min !== undefined && max !== undefined) return min === max ? `Choose ${min}.` : `Choose ${min} to ${max}.`;
      if (min !== undefined) return `Choose at least ${min}.`;
      if (max !== undefined) return `Choose up to ${max}.`;
      return undefined;
    }
    case 'date':
      if (field.min && field.max) return `From ${calendarDateInWords(field.min)} to ${calendarDateInWords(field.max)}.`;
      if (field.min) return `From ${calendarDateInWords(field.min)}.`;
      if (field.max) return `${calendarDateInWords(field.max)} at the latest.`;
      return undefined;
    default:
      return undefined;
  }
}
