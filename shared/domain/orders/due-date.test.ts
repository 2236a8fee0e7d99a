import { describe, expect, it } from 'vitest';
import { dueDateProblem, pastDueNote } from '#shared/domain/orders/due-date.ts';

describe('a due date already past', () => {
  it('is allowed, and said to show the order as overdue', () => {
    expect(dueDateProblem('2026-11-20', '2026-12-02')).toBeUndefined();
    expect(pastDueNote('2026-11-20', '2026-12-02')).toBe('Nov 20, 2026 has passed: the order will show as overdue.');
  });

  it('says nothing for today, a later day or no date', () => {
    expect(pastDueNote('2026-12-02', '2026-12-02')).toBeUndefined();
    expect(pastDueNote('2026-12-03', '2026-12-02')).toBeUndefined();
    expect(pastDueNote('', '2026-12-02')).toBeUndefined();
  });
});
