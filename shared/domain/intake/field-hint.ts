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
    case 'date': {
      // On the due-date question, a latest day years off is Atelier's guard against a slipped year
      // (ten years, ADR 15), not a limit a customer plans by: it is left unsaid.
      const yearsOff = field.min && field.max ? Number(field.max.slice(0, 4)) - Number(field.min.slice(0, 4)) : 0;
      const max = field.dueDate && yearsOff >= 5 ? undefined : field.max;
      if (field.min && max) return `From ${calendarDateInWords(field.min)} to ${calendarDateInWords(max)}.`;
      if (field.min) return `From ${calendarDateInWords(field.min)}.`;
      if (max) return `${calendarDateInWords(max)} at the latest.`;
      return undefined;
    }
    default:
      return undefined;
  }
}
