// Made on first use: a Lambda that never counts pays nothing for it at cold start.
let segmenter: Intl.Segmenter | undefined;
const segments = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);

/**
 * How many characters a person sees in a text: "❤️" and "👨‍👩‍👧" are one each, as they are one
 * each on the piece. Limits are still counted as the browser and the server count them
 * (characters-left.ts); this is the count a seller prices an engraving by and a customer checks.
 */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of segments(text)) n++;
  return n;
}

/** The characters a person sees, each whole: a cut between two of them splits no flag and no accented letter. */
export const graphemesOf = (text: string): string[] => Array.from(segments(text), (s) => s.segment);

/** "11 characters", "1 character". */
export function visibleLengthInWords(text: string): string {
  const n = visibleLength(text);
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'character' : 'characters'}`;
}
