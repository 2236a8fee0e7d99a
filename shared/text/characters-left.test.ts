import { describe, expect, it } from 'vitest';
import { charactersLeft } from '#shared/text/characters-left.ts';

describe('how much room is left in a text with a limit', () => {
  it('says nothing until the end is near', () => {
    expect(charactersLeft('', 2000)).toBeUndefined();
    expect(charactersLeft('a'.repeat(1899), 2000)).toBeUndefined();
  });

  it('counts down the last 100 characters of a long limit', () => {
    expect(charactersLeft('a'.repeat(1900), 2000)).toEqual({ text: '100 characters left', atLimit: false });
    expect(charactersLeft('a'.repeat(1912), 2000)).toEqual({ text: '88 characters left', atLimit: false });
    expect(charactersLeft('a'.repeat(4899), 5000)).toBeUndefined();
    expect(charactersLeft('a'.repeat(4999), 5000)).toEqual({ text: '1 character left', atLimit: false });
  });

  it('waits for the last fifth of a short limit', () => {
    expect(charactersLeft('a'.repeat(111), 140)).toBeUndefined();
    expect(charactersLeft('a'.repeat(112), 140)).toEqual({ text: '28 characters left', atLimit: false });
    expect(charactersLeft('a'.repeat(15), 20)).toBeUndefined();
    expect(charactersLeft('a'.repeat(16), 20)).toEqual({ text: '4 characters left', atLimit: false });
  });

  it('says the limit is reached, with the limit written as people read it', () => {
    expect(charactersLeft('a'.repeat(2000), 2000)).toEqual({ text: 'You have reached the limit of 2,000 characters', atLimit: true });
    expect(charactersLeft('a', 1)).toEqual({ text: 'You have reached the limit of 1 character', atLimit: true });
  });

  it('says how much is too much of a text longer than its limit', () => {
    expect(charactersLeft('a'.repeat(412), 400)).toEqual({ text: 'You have 12 characters too many', atLimit: true });
    expect(charactersLeft('a'.repeat(1201), 1200)).toEqual({ text: 'You have 1 character too many', atLimit: true });
  });

  it('counts as the browser’s maxLength and the server’s zod .max() do: UTF-16 code units', () => {
    // An emoji is two code units, a line break one: 997 letters, a line break and 😀 are 1,000.
    expect(charactersLeft(`${'a'.repeat(997)}\n😀`, 1000)).toEqual({ text: 'You have reached the limit of 1,000 characters', atLimit: true });
    expect(charactersLeft(`${'a'.repeat(998)}\n😀`, 1000)).toEqual({ text: 'You have 1 character too many', atLimit: true });
  });
});
