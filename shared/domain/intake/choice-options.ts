/** How options are compared: a customer reads “White” and “white” as one colour, so case does not tell options apart. */
const optionKey = (option: string) => option.normalize('NFC').toLowerCase();

const quoted = (text: string) => `“${text}”`;

/** “a”, “a” and “b”, “a”, “b” and “c”. */
const listed = (texts: string[]) => (texts.length === 1 ? texts[0]! : `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`);

/**
 * Which of a choice's options are the same, in words that name them ("“White” and “white” are the
 * same option."; "“Oak” is listed twice."), one sentence for each clash in the order they are
 * listed; undefined when every option is its own.
 */
export function sameOptionsProblem(options: string[]): string | undefined {
  const groups = new Map<string, string[]>();
  for (const option of options) groups.set(optionKey(option), [...(groups.get(optionKey(option)) ?? []), option]);
  const clashes = [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const spellings = [...new Set(group)];
      if (spellings.length > 1) return `${listed(spellings.map(quoted))} are the same option.`;
      return `${quoted(group[0]!)} is listed ${group.length === 2 ? 'twice' : `${group.length} times`}.`;
    });
  return clashes.length ? clashes.join(' ') : undefined;
}
