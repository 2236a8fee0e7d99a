import { describe, expect, it } from 'vitest';
import { pasteCut } from '#shared/text/paste-cut.ts';

const oneLine = { multiline: false, by: 'paste' } as const;
const lines = { multiline: true, by: 'paste' } as const;

describe('what of a paste fits under a text’s limit', () => {
  it('says nothing when it all fits, to the last character', () => {
    expect(pasteCut('Ana & Luis', 40, oneLine)).toBeUndefined();
    expect(pasteCut('a'.repeat(40), 40, oneLine)).toBeUndefined();
    expect(pasteCut('', 0, oneLine)).toBeUndefined();
  });

  it('says how much fitted and how much was left out', () => {
    // A 40-character engraving: "The Carvalho family kitchen, est. 2019, " fits, "Lisbon" does not.
    expect(pasteCut('The Carvalho family kitchen, est. 2019, Lisbon', 40, oneLine)).toEqual({
      fitted: 40,
      leftOut: 6,
      text: 'Only the first 40 characters you pasted fitted: the last 6 were left out.',
    });
    expect(pasteCut('abc', 2, oneLine)?.text).toBe('Only the first 2 characters you pasted fitted: the last one was left out.');
    expect(pasteCut('abc', 1, oneLine)?.text).toBe('Only the first character you pasted fitted: the last 2 were left out.');
    expect(pasteCut('a'.repeat(2850), 2000, lines)?.text).toBe('Only the first 2,000 characters you pasted fitted: the last 850 were left out.');
  });

  it('says when none of it fitted, and what was dropped rather than pasted', () => {
    expect(pasteCut('Lisbon', 0, oneLine)).toEqual({ fitted: 0, leftOut: 6, text: 'None of the 6 characters you pasted fitted.' });
    expect(pasteCut('L', -3, oneLine)?.text).toBe('None of the 1 character you pasted fitted.');
    expect(pasteCut('Lisbon', 2, { multiline: false, by: 'drop' })?.text).toBe('Only the first 2 characters you dropped fitted: the last 4 were left out.');
  });

  it('counts line breaks as the box keeps them: spaces on one line, one character each in a text area', () => {
    // A one-line box drops the line breaks at the end and makes the others spaces: "ab cd ef" fits in 8.
    expect(pasteCut('ab\ncd\r\nef\n\n', 8, oneLine)).toBeUndefined();
    expect(pasteCut('ab\ncd\r\nef\n\n', 7, oneLine)?.leftOut).toBe(1);
    // A text area keeps each, "\r\n" as one: "ab\ncd\nef\n\n" is 10.
    expect(pasteCut('ab\ncd\r\nef\n\n', 10, lines)).toBeUndefined();
    expect(pasteCut('ab\r\ncd\ref', 7, lines)).toEqual({ fitted: 7, leftOut: 1, text: 'Only the first 7 characters you pasted fitted: the last one was left out.' });
  });

  it('counts as value.length does, and does not count half an emoji as fitted', () => {
    // 😀 is two characters to the limit; the browser leaves it out whole rather than cut it in two.
    expect(pasteCut('abcdefghi😀xyz', 10, oneLine)).toMatchObject({ fitted: 9, leftOut: 5 });
    expect(pasteCut('abcdefgh😀xyz', 10, oneLine)).toMatchObject({ fitted: 10, leftOut: 3 });
    expect(pasteCut('😀', 1, oneLine)).toMatchObject({ fitted: 0, leftOut: 2 });
  });
});
