import { describe, expect, it } from 'vitest';
import { visibleLength, visibleLengthInWords } from '#shared/text/visible-length.ts';

describe('the length of a text as a person sees it', () => {
  it('counts an emoji, a family and an accented letter once each', () => {
    expect(visibleLength('Für Oma ❤️ 👨‍👩‍👧')).toBe(11);
    // "é" typed as e + a combining accent is still one letter.
    expect(visibleLength('Re\u0301my')).toBe(4);
    expect(visibleLength('')).toBe(0);
  });

  it('says it in words, one or many', () => {
    expect(visibleLengthInWords('A')).toBe('1 character');
    expect(visibleLengthInWords('A·S·L ❤️')).toBe('7 characters');
    expect(visibleLengthInWords('a'.repeat(1000))).toBe('1,000 characters');
  });
});
