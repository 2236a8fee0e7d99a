import { describe, expect, it } from 'vitest';
import type { IntakeField } from '#shared/schemas/intake-form.ts';
import { withDueDateLimits } from './due-date-field.ts';
import { fieldLimits } from './field-hint.ts';

const date = (extra: Partial<Extract<IntakeField, { type: 'date' }>>): IntakeField => ({ id: 'when', type: 'date', label: 'Needed by', required: false, ...extra });

describe('a date question’s limits, said up front', () => {
  it('gives a due-date question’s first day, without the ten-year guard as a latest day', () => {
    const [asked] = withDueDateLimits([date({ dueDate: true, dueDaysBefore: 3 })], '2026-12-02');
    expect(fieldLimits(asked!)).toBe('From Dec 5, 2026.');
  });

  it('keeps a latest day the seller set on a due-date question', () => {
    const [asked] = withDueDateLimits([date({ dueDate: true, max: '2026-12-24' })], '2026-12-02');
    expect(fieldLimits(asked!)).toBe('From Dec 2, 2026 to Dec 24, 2026.');
  });

  it('says a wide range in full on any other date question (a birth year)', () => {
    expect(fieldLimits(date({ min: '1920-01-01', max: '2026-12-31' }))).toBe('From Jan 1, 1920 to Dec 31, 2026.');
  });
});
