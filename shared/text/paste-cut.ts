/** Text pasted or dropped into a control with a limit that did not all fit: how much did, and what to tell the person. */
export type PasteCut = { fitted: number; leftOut: number; text: string };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The text a browser inserts for `inserted` before cutting it to the room left: a one-line box
 * turns each line break into a space and drops those at the end, a multi-line box keeps each as one
 * "\n" (Chromium, as seen; the cut that follows is the same either way).
 */
function asInserted(inserted: string, multiline: boolean): string {
  if (multiline) return inserted.replace(/\r\n?/g, '\n');
  return inserted.replace(/[\r\n]+$/, '').replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * What of `inserted` (the clipboard's text, or a drop's) fits in the `room` left in a text control
 * under its `maxLength`, and what to say when part of it was left out (undefined when it all fits).
 * `maxLength` cuts it without a word, and the end of a pasted text is easy to miss.
 *
 * Counted in UTF-16 code units, as `value.length` and the browser's `maxLength` count; the browser
 * cuts before a character of two code units (an emoji) rather than through it, and so is it counted here.
 */
export function pasteCut(inserted: string, room: number, how: { multiline: boolean; by: 'paste' | 'drop' }): PasteCut | undefined {
  const text = asInserted(inserted, how.multiline);
  const space = Math.max(0, room);
  if (text.length <= space) return undefined;
  const lead = space > 0 && /[\uD800-\uDBFF]/.test(text.charAt(space - 1));
  const fitted = lead ? space - 1 : space;
  const leftOut = text.length - fitted;
  const verb = how.by === 'paste' ? 'pasted' : 'dropped';
  if (fitted === 0) return { fitted, leftOut, text: `None of the ${count(leftOut)} ${leftOut === 1 ? 'character' : 'characters'} you ${verb} fitted.` };
  const first = fitted === 1 ? 'the first character' : `the first ${count(fitted)} characters`;
  const last = leftOut === 1 ? 'the last one was' : `the last ${count(leftOut)} were`;
  return { fitted, leftOut, text: `Only ${first} you ${verb} fitted: ${last} left out.` };
}
