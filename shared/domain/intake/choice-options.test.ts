import { describe, expect, it } from 'vitest';
import { sameOptionsProblem } from '#shared/domain/intake/choice-options.ts';
import { intakeFormInputSchema } from '#shared/schemas/intake-form.ts';

describe('a choice’s options that are the same', () => {
  it('are named, options that differ only in case counting as one', () => {
    expect(sameOptionsProblem(['White', 'Black', 'white'])).toBe('“White” and “white” are the same option.');
    expect(sameOptionsProblem(['Oak', 'Walnut', 'Oak'])).toBe('“Oak” is listed twice.');
    expect(sameOptionsProblem(['Red', 'RED', 'red', 'Red'])).toBe('“Red”, “RED” and “red” are the same option.');
    expect(sameOptionsProblem(['Ash', 'Ash', 'Ash'])).toBe('“Ash” is listed 3 times.');
  });

  it('are each said, in the order they are listed', () => {
    expect(sameOptionsProblem(['Oak', 'White', 'oak', 'white', 'Pine'])).toBe('“Oak” and “oak” are the same option. “White” and “white” are the same option.');
  });

  it('leave options that differ in more than case alone', () => {
    expect(sameOptionsProblem(['White', 'Off-white', 'Café', 'Cafe'])).toBeUndefined();
    expect(sameOptionsProblem([])).toBeUndefined();
  });

  it('refuse the form at the field’s options, naming them as saved (trimmed)', () => {
    const result = intakeFormInputSchema().safeParse({
      name: 'Mug',
      fields: [
        { id: 'words', type: 'short_text', label: 'Text on the mug' },
        { id: 'colour', type: 'multiple_choice', label: 'Mug colour', options: ['White ', 'Blue', ' white'] },
      ],
    });
    expect(result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([
      { path: 'fields.1.options', message: '“White” and “white” are the same option.' },
    ]);
  });

  it('gives a form without a name a sentence, not the validator’s wording', () => {
    const result = intakeFormInputSchema().safeParse({ name: '  ', fields: [{ id: 'a', type: 'checkbox', label: 'Gift wrap' }] });
    expect(result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([{ path: 'name', message: 'A form needs a name.' }]);
  });
});
