import { describe, expect, it } from 'vitest';
import { foldForSearch, referenceInSearch, searchForms } from '#shared/text/search-text.ts';

describe('search that forgives how a text was typed', () => {
  it('folds case and typographic apostrophes, quotes, dashes and spaces to what a plain keyboard types', () => {
    expect(foldForSearch('Nonna’s')).toBe("nonna's");
    expect(foldForSearch('Nonna‘s ʼn ＇x')).toBe("nonna's 'n 'x");
    expect(foldForSearch('Collar “Biscuit” „Bello“')).toBe('collar "biscuit" "bello"');
    expect(foldForSearch('Oak – large — 50‑30 −1')).toBe('oak - large - 50-30 -1');
    expect(foldForSearch('12\u00A0cm\u202Fwide')).toBe('12 cm wide');
    // The same letters, however the keyboard composed them.
    expect(foldForSearch('Jose\u0301')).toBe(foldForSearch('José'));
  });

  it('searches for a query as stored now and as orders stored before folding hold it', () => {
    // Typed straight or curly, the folded form is asked for first, then the forms an older order may hold.
    expect(searchForms('Nonna’s')).toEqual(["nonna's", 'nonna’s']);
    expect(searchForms("nonna's")).toEqual(["nonna's", 'nonna’s']);
    // An opening quote is curled as it opens, an apostrophe at the start of a fragment as it closes ('s of Nonna’s).
    expect(searchForms("'s kitchen")).toEqual(["'s kitchen", '‘s kitchen', '’s kitchen']);
    expect(searchForms('"Biscuit"')).toEqual(['"biscuit"', '“biscuit”']);
    expect(searchForms('the “Biscuit” collar')).toEqual(['the "biscuit" collar', 'the “biscuit” collar']);
    // Nothing to forgive: the query, lower-cased, only.
    expect(searchForms('Okafor')).toEqual(['okafor']);
    // A typographic dash is asked for as typed too: an older order may hold it.
    expect(searchForms('Oak – large')).toEqual(['oak - large', 'oak – large']);
  });

  it('reads a whole order reference however it was typed', () => {
    for (const typed of ['WW-6DBF', 'ww-6dbf', 'ww6dbf', 'WW6DBF', 'ww 6dbf', 'ww–6dbf', ' ww6dbf ']) expect(referenceInSearch(typed), typed).toBe('WW-6DBF');
    expect(referenceInSearch('atelier1-ABCD')).toBeUndefined();
    expect(referenceInSearch('ABCDEF7K2Q')).toBe('ABCDEF-7K2Q');
    expect(referenceInSearch('A7K2Q')).toBe('A-7K2Q');
  });

  it('does not take a fragment, or text that cannot be a reference, for one', () => {
    for (const typed of ['6dbf', 'ww-6db', 'ww--6dbf', "nonna's", 'ana@demo', 'ww-6dbf x', 'abcdefg7k2q']) expect(referenceInSearch(typed), typed).toBeUndefined();
  });
});
