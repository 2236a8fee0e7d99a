/**
 * A calendar date (ISO, "2026-12-01") as people read it, "Dec 1, 2026", the same in the browser
 * and on the server: the server's messages reach sellers and customers too. Read as a day, not a
 * moment, so no time zone moves it.
 */
export function calendarDateInWords(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The calendar date (ISO) `days` after `iso` (before, when negative). */
export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Today's calendar date (ISO) where this runs: in the browser, the person's own time zone. */
export const localIsoToday = (now = new Date()): string => now.toLocaleDateString('en-CA');
