import { describe, expect, it } from 'vitest';
import { fieldLimits, joinSentences } from '#shared/domain/intake/field-hint.ts';
import { initialAnswers, initialColour, validateAnswers } from '#shared/domain/intake/validate-answers.ts';
import { intakeFormInputSchema, type IntakeField } from '#shared/schemas/intake-form.ts';

const form = intakeFormInputSchema().parse({
  name: 'Cutting board',
  fields: [
    { id: 'engraving', type: 'short_text', label: 'Engraving text', required: true, minLength: 2, maxLength: 20 },
    { id: 'story', type: 'long_text', label: 'Tell us about it', maxLength: 50 },
    { id: 'quantity', type: 'number', label: 'How many', required: true, min: 1, max: 10, integer: true },
    { id: 'wood', type: 'single_choice', label: 'Wood', required: true, options: ['Walnut', 'Oak', 'Maple'] },
    { id: 'extras', type: 'multiple_choice', label: 'Extras', options: ['Gift box', 'Oil', 'Card'], maxSelected: 2 },
    { id: 'needed_by', type: 'date', label: 'Needed by', min: '2026-01-01', max: '2027-12-31' },
    { id: 'ribbon', type: 'color', label: 'Ribbon colour' },
    { id: 'terms', type: 'checkbox', label: 'I have read the shop policies', required: true },
  ],
});
const fields: IntakeField[] = form.fields;

const valid = { engraving: ' The Souzas ', quantity: '2', wood: 'Walnut', extras: ['Oil'], needed_by: '2026-12-20', ribbon: '#AA3366', terms: true };

describe('validating intake answers', () => {
  it('accepts valid answers and keeps the labels with normalised values', () => {
    const result = validateAnswers(fields, valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.find((a) => a.fieldId === 'engraving')).toEqual({ fieldId: 'engraving', label: 'Engraving text', type: 'short_text', value: 'The Souzas' });
    expect(result.answers.find((a) => a.fieldId === 'quantity')?.value).toBe(2);
    expect(result.answers.find((a) => a.fieldId === 'ribbon')?.value).toBe('#aa3366');
    expect(result.answers.some((a) => a.fieldId === 'story')).toBe(false);
  });

  it('reports every problem at once, one message per field', () => {
    const result = validateAnswers(fields, {
      engraving: 'x'.repeat(21),
      story: 'y'.repeat(51),
      quantity: 2.5,
      wood: 'Pine',
      extras: ['Gift box', 'Oil', 'Card'],
      needed_by: '2026-02-30',
      ribbon: 'red',
      terms: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.errors.map((e) => [e.fieldId, e.message]))).toEqual({
      engraving: 'Keep it to 20 characters (now 21).',
      story: 'Keep it to 50 characters (now 51).',
      quantity: 'Enter a whole number.',
      wood: 'Choose one of the options.',
      extras: 'Choose at most 2.',
      needed_by: 'Enter a real date.',
      ribbon: 'Choose a colour.',
      terms: 'Please tick this box.',
    });
  });

  it('requires required fields and refuses unknown ones', () => {
    const result = validateAnswers(fields, { surprise: 'hi' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.fieldId).sort()).toEqual(['engraving', 'quantity', 'surprise', 'terms', 'wood']);
  });

  it('enforces number and date ranges', () => {
    const low = validateAnswers(fields, { ...valid, quantity: 0, needed_by: '2025-12-31' });
    expect(low.ok).toBe(false);
    if (low.ok) return;
    expect(low.errors).toEqual([
      { fieldId: 'quantity', message: 'Enter 1 or more.' },
      { fieldId: 'needed_by', message: 'Choose Jan 1, 2026 or later.' },
    ]);
  });

  it('starts a colour question on the colour it shows, so kept untouched it is the answer', () => {
    const required: IntakeField[] = [{ id: 'label', type: 'color', label: 'Label colour', required: true }];
    expect(initialAnswers(required)).toEqual({ label: initialColour });
    const result = validateAnswers(required, initialAnswers(required));
    expect(result.ok && result.answers).toEqual([{ fieldId: 'label', label: 'Label colour', type: 'color', value: initialColour }]);
    // Sent without it (not from the page), a required colour is still missing.
    expect(validateAnswers(required, {}).ok).toBe(false);
  });

  it('leaves an optional colour question unanswered until a colour is picked', () => {
    const optional: IntakeField[] = [{ id: 'label', type: 'color', label: 'Label colour', required: false }];
    expect(initialAnswers(optional)).toEqual({});
    const untouched = validateAnswers(optional, initialAnswers(optional));
    expect(untouched.ok && untouched.answers).toEqual([]);
    // "No preference" ticked again after a pick sends an empty answer: still nothing recorded.
    const cleared = validateAnswers(optional, { label: '' });
    expect(cleared.ok && cleared.answers).toEqual([]);
    const picked = validateAnswers(optional, { label: '#1A2B3C' });
    expect(picked.ok && picked.answers).toEqual([{ fieldId: 'label', label: 'Label colour', type: 'color', value: '#1a2b3c' }]);
  });

  it('counts characters, not UTF-16 units', () => {
    const result = validateAnswers(fields, { ...valid, engraving: '🌿'.repeat(20) });
    expect(result.ok).toBe(true);
  });
});

describe('the hint of a question', () => {
  it('says the limits up front, dates as the customer reads them', () => {
    expect(fields.map((f) => fieldLimits(f))).toEqual(['At least 2 characters.', undefined, 'From 1 to 10. Whole numbers only.', undefined, 'Choose up to 2.', 'From Jan 1, 2026 to Dec 31, 2027.', undefined, undefined]);
  });

  it('joins sentences with a full stop only where one is missing', () => {
    expect(joinSentences('Exactly as it should appear, with capitals', 'You confirm this text again.')).toBe('Exactly as it should appear, with capitals. You confirm this text again.');
    expect(joinSentences('Really?', 'Yes.')).toBe('Really? Yes.');
    expect(joinSentences('As written (“Mum”)', undefined, 'Yes.')).toBe('As written (“Mum”). Yes.');
    expect(joinSentences(' ', undefined)).toBeUndefined();
  });
});

describe('saving an intake form', () => {
  it('refuses duplicate field ids, inverted limits and duplicate options', () => {
    const result = intakeFormInputSchema().safeParse({
      name: 'Bad',
      fields: [
        { id: 'a', type: 'short_text', label: 'A', minLength: 10, maxLength: 5 },
        { id: 'a', type: 'single_choice', label: 'B', options: ['x', 'x'] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual(['The minimum length is above the maximum.', 'Two fields share the id "a".', '“x” is listed twice.']);
  });
});
