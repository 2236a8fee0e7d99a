import { calendarDateInWords } from '#shared/text/calendar-date.ts';

/**
 * How far from today an order's due date may lie, either way. A slipped year (0001, 9999) is
 * refused rather than shown as "Overdue" or sorted last forever; an order recorded late may
 * still carry the date it was due. Framework-free: the portal sets its date inputs from it.
 */
export const dueDateYears = 10;

/** The earliest and latest due date allowed on `today` (ISO dates). */
export function dueDateRange(today: string): { min: string; max: string } {
  const shifted = (years: number) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() + years);
    return date.toISOString().slice(0, 10);
  };
  return { min: shifted(-dueDateYears), max: shifted(dueDateYears) };
}

/** What is wrong with `dueDate` (an ISO date) on `today`, in a seller's words; undefined when it is fine. */
export function dueDateProblem(dueDate: string, today: string): string | undefined {
  const { min, max } = dueDateRange(today);
  if (dueDate >= min && dueDate <= max) return undefined;
  return `Choose a due date within ${dueDateYears} years of today, between ${calendarDateInWords(min)} and ${calendarDateInWords(max)}.`;
}

/**
 * A due date already past is allowed (an order recorded late keeps the date it was due), but said:
 * the order shows as overdue from the moment it is saved. Undefined for today or later.
 */
export function pastDueNote(dueDate: string, today: string): string | undefined {
  return dueDate && dueDate < today ? `${calendarDateInWords(dueDate)} has passed: the order will show as overdue.` : undefined;
}
