import { describe, expect, it } from 'vitest';
import type { IntakeField } from '#shared/schemas/intake-form.ts';
import { earliestTodayAnywhere } from '#shared/domain/orders/order-views.ts';
import { dueDateFromAnswers, dueDateQuestionProblem, withDueDateLimits } from './due-date-field.ts';

const due = (limits: { min?: string; max?: string } = {}): IntakeField => ({ id: 'when', type: 'date', label: 'Needed by', required: false, dueDate: true, ...limits });
const other: IntakeField = { id: 'birthday', type: 'date', label: 'Their birthday', required: false };

describe('the due-date question', () => {
  it('takes dates from today to ten years on, inside the seller’s own limits', () => {
    expect(withDueDateLimits([due()], '2026-12-02')[0]).toMatchObject({ min: '2026-12-02', max: '2036-12-02' });
    expect(withDueDateLimits([due({ min: '2027-01-10', max: '2027-03-01' })], '2026-12-02')[0]).toMatchObject({ min: '2027-01-10', max: '2027-03-01' });
    expect(withDueDateLimits([due({ min: '2026-01-01', max: '2050-01-01' })], '2026-12-02')[0]).toMatchObject({ min: '2026-12-02', max: '2036-12-02' });
  });

  it('leaves every other question as the seller set it, past dates and all', () => {
    expect(withDueDateLimits([other, due()], '2026-12-02')[0]).toBe(other);
  });

  it('counts as today any date that is still today somewhere', () => {
    expect(earliestTodayAnywhere(new Date('2026-12-02T10:00:00Z'))).toBe('2026-12-01');
    expect(earliestTodayAnywhere(new Date('2026-12-02T13:00:00Z'))).toBe('2026-12-02');
  });

  it('is the order’s due date when answered', () => {
    const fields = [other, due()];
    expect(dueDateFromAnswers(fields, [{ fieldId: 'birthday', label: 'Their birthday', type: 'date', value: '1990-05-01' }])).toBeUndefined();
    expect(dueDateFromAnswers(fields, [{ fieldId: 'when', label: 'Needed by', type: 'date', value: '2027-02-14' }])).toBe('2027-02-14');
    expect(dueDateFromAnswers([other], [{ fieldId: 'birthday', label: 'Their birthday', type: 'date', value: '2027-02-14' }])).toBeUndefined();
  });
  it('allows the days for delivery: customers choose from the first date the shop can still meet, and the order is due that many days earlier', () => {
    const withDelivery: IntakeField = { ...due(), dueDaysBefore: 5 } as IntakeField;
    expect(withDueDateLimits([withDelivery], '2026-12-30')[0]).toMatchObject({ min: '2027-01-04' });
    expect(dueDateFromAnswers([withDelivery], [{ fieldId: 'when', label: 'Needed by', type: 'date', value: '2027-01-04' }])).toBe('2026-12-30');
    expect(dueDateQuestionProblem([{ ...withDelivery, max: '2027-01-03' } as IntakeField], '2026-12-30')?.index).toBe(0);
    expect(dueDateQuestionProblem([{ ...withDelivery, max: '2027-01-04' } as IntakeField], '2026-12-30')).toBeUndefined();
  });
});
