/**
 * Search that forgives how a text was typed. Phones and Macs turn ' and " into curly quotes as
 * you type (Nonna’s), other keyboards do not (Nonna's): both are the same words to the seller.
 */

/** The longest search the dashboard takes: the API's limit, and the search box's `maxLength`. */
export const searchMaxLength = 100;

const apostrophes = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07]/g;
const quotes = /[\u201C\u201D\u201E\u201F\u2033\uFF02]/g;
const dashes = /[\u2010-\u2015\u2212]/g;
const spaces = /[\u00A0\u2007\u202F]/g;

/** `text` as search compares it: lower case, with plain-keyboard apostrophes, quotes, dashes and spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(apostrophes, "'").replace(quotes, '"').replace(dashes, '-').replace(spaces, ' ');
}

/** What smart punctuation makes of a straight quote: an opening one at the start of a word, a closing one (and the apostrophe) after a letter. */
const curled = (text: string, everyApostropheClosing: boolean) =>
  text.replace(/['"]/g, (mark, at: number) => {
    const opening = at === 0 || /[\s([{]/.test(text.charAt(at - 1));
    if (mark === "'") return opening && !everyApostropheClosing ? '\u2018' : '\u2019';
    return opening ? '\u201C' : '\u201D';
  });

/**
 * Every form the query may be stored in, for a text search to match any of. Searchable text is
 * stored folded (see `foldForSearch`), but orders written before it was are stored only lower-cased,
 * with the quotes they were typed with: for them, the query as typed, and with its quotes curled
 * as a phone or a Mac curls them, so they need no migration. (An older order typed with both
 * kinds of quotes in one text is found by a part of it without them.)
 */
export function searchForms(query: string): string[] {
  const folded = foldForSearch(query);
  return [...new Set([folded, query.toLowerCase(), curled(folded, false), curled(folded, true)])].filter(Boolean);
}

/**
 * The order reference a search is, however it was typed: `WW-6DBF`, `ww-6dbf`, `ww6dbf`,
 * `WW 6DBF`, `WW–6DBF` (a typographic dash). A reference is the shop's prefix (1 to 6 letters or
 * digits), a dash and four characters (see `newOrderReference`), so without the dash the last four
 * are the code. Undefined when the search cannot be one.
 */
export function referenceInSearch(query: string): string | undefined {
  const parts = /^([a-z0-9]{1,6})[ -]?([a-z0-9]{4})$/.exec(foldForSearch(query.trim()));
  return parts ? `${parts[1]}-${parts[2]}`.toUpperCase() : undefined;
}
