/** What to tell someone typing into a text with a limit, and whether it is said as a warning. */
export type CharactersLeft = { text: string; atLimit: boolean };

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'character' : 'characters'}`;

/**
 * How much room is left in `value` under `max`, once the end is near: within the last 100
 * characters, and not before 80% of the limit. 100 is a sentence or two, time to finish a
 * thought, where 80% of a 2,000 or 5,000 note would count down over hundreds of characters few
 * reach; on a short limit (a 140-character title, a 20-character answer) 100 left is almost the
 * whole field, so there it waits for the last fifth. Before then, nothing (undefined).
 *
 * Counted in UTF-16 code units (`value.length`), as the browser's `maxLength` counts, so the note
 * and the limit agree: an emoji takes two. (zod's `.max()` counts code points, an emoji one, so
 * the server is never the stricter.)
 */
export function charactersLeft(value: string, max: number): CharactersLeft | undefined {
  const left = max - value.length;
  if (left > Math.min(100, max / 5)) return undefined;
  if (left > 0) return { text: `${count(left)} left`, atLimit: false };
  if (left === 0) return { text: `You have reached the limit of ${count(max)}`, atLimit: true };
  // Only text not typed can be longer (maxLength stops typing): a draft kept over a lowered limit.
  return { text: `You have ${count(-left)} too many`, atLimit: true };
}
