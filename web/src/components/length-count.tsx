import { useEffect, useRef, useState } from 'preact/hooks';
import { charactersLeft } from '#shared/text/characters-left.ts';

/** A text control's value and the `maxLength` it carries. */
export type LengthLimit = { value: string; max: number };

/** The control's `aria-describedby` with its length count added while the count shows (`<id>-count`). */
export function describedWithCount(describedBy: string | undefined, id: string, limit: LengthLimit | undefined): string | undefined {
  if (!limit || !charactersLeft(limit.value, limit.max)) return describedBy;
  return [describedBy, `${id}-count`].filter(Boolean).join(' ');
}

/**
 * How much room is left in a text control, shown under it once the end is near. `maxLength`
 * stops typing without a word and cuts a long paste unseen: this says so, quietly, then in the
 * error colour at the limit (GOV.UK's character count).
 *
 * The count shown is part of the control's description (see `describedWithCount`), so it is
 * heard with the field; it is hidden from reading order, where its twin, a polite live region,
 * says the same once typing pauses: a screen reader hears the count when the person stops,
 * not on every keystroke.
 */
export function LengthCount(props: { id: string } & LengthLimit) {
  const note = charactersLeft(props.value, props.max);
  const [spoken, setSpoken] = useState('');
  // Said only after a change: a field opened with a long text says nothing until typed in.
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current) {
      changed.current = true;
      return;
    }
    const pause = setTimeout(() => setSpoken(note?.text ?? ''), 1000);
    return () => clearTimeout(pause);
  }, [note?.text]);
  return (
    <>
      {note ? (
        <span id={`${props.id}-count`} class={note.atLimit ? 'length-count at-limit' : 'length-count'} aria-hidden="true">
          {note.text}
        </span>
      ) : null}
      {/* On the page before its words: a region that arrives with them may go unannounced. */}
      <span class="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </>
  );
}
