import { useEffect, useRef, useState } from 'preact/hooks';
import { charactersLeft } from '#shared/text/characters-left.ts';
import { pasteCut } from '#shared/text/paste-cut.ts';

/** A text control's value and the `maxLength` it carries. */
export type LengthLimit = { value: string; max: number };

/**
 * The control's `aria-describedby` with its length count added while the count shows (`<id>-count`),
 * and, given `cut` (from `usePasteCut`), what was left out of a paste (`<id>-cut`).
 */
export function describedWithCount(describedBy: string | undefined, id: string, limit: LengthLimit | undefined, cut?: string | undefined): string | undefined {
  const counted = limit && charactersLeft(limit.value, limit.max) ? `${id}-count` : '';
  return [describedBy, counted, cut ? `${id}-cut` : ''].filter(Boolean).join(' ') || undefined;
}

const fromPasteOrDrop = (inputType: string) => inputType.startsWith('insertFromPaste') || inputType === 'insertFromDrop' || inputType === 'deleteByDrag';

/**
 * What to say when a paste or a drop into the text control `id` did not all fit under its
 * `maxLength`, which cuts it without a word: the end of a pasted text is easy to miss. Said until
 * the person types or deletes in it, or its value is set anew (a form sent and emptied).
 *
 * Heard on the document, by the control's id, as the count knows it: so every control with a
 * count gets it, however it is rendered. Heard as the events bubble up, after the control's own
 * handlers: a render of the field before its `onInput` has taken the new value would put the old
 * one back in the box.
 */
export function usePasteCut(id: string, limit: LengthLimit | undefined): string | undefined {
  // The value the note is about: the control's before the paste until the paste lands, then after it.
  const [cut, setCut] = useState<{ text: string; before: string; after?: string }>();
  const max = limit?.max;
  useEffect(() => {
    if (max === undefined) return;
    const control = (e: Event) => {
      const target = e.target;
      return (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.id === id ? target : undefined;
    };
    const selected = (box: HTMLInputElement | HTMLTextAreaElement) => (box.selectionStart === null || box.selectionEnd === null ? 0 : box.selectionEnd - box.selectionStart);
    let draggedFrom: EventTarget | null = null;
    const inserting = (box: HTMLInputElement | HTMLTextAreaElement, text: string, replaced: number, by: 'paste' | 'drop') => {
      const note = pasteCut(text, max - (box.value.length - replaced), { multiline: box instanceof HTMLTextAreaElement, by });
      setCut(note ? { text: note.text, before: box.value } : undefined);
    };
    // A paste takes the place of what is selected.
    const onPaste = (e: ClipboardEvent) => {
      const box = control(e);
      if (box && e.clipboardData && !e.defaultPrevented) inserting(box, e.clipboardData.getData('text/plain'), selected(box), 'paste');
    };
    // A drop adds to the text, unless it is the box's own selection moved within it.
    const onDrop = (e: DragEvent) => {
      const box = control(e);
      if (box && e.dataTransfer && !e.defaultPrevented) inserting(box, e.dataTransfer.getData('text/plain'), draggedFrom === box ? selected(box) : 0, 'drop');
    };
    const onInput = (e: Event) => {
      const box = control(e);
      if (!box) return;
      if (fromPasteOrDrop((e as InputEvent).inputType ?? '')) setCut((c) => c && { ...c, after: box.value });
      else setCut(undefined);
    };
    const onDragStart = (e: DragEvent) => (draggedFrom = e.target);
    const onDragEnd = () => (draggedFrom = null);
    const listeners = [
      ['paste', onPaste],
      ['drop', onDrop],
      ['input', onInput],
      ['dragstart', onDragStart],
      ['dragend', onDragEnd],
    ] as [string, EventListener][];
    for (const [type, listener] of listeners) document.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener);
    };
  }, [id, max]);
  return cut && limit && limit.value === (cut.after ?? cut.before) ? cut.text : undefined;
}

/**
 * How much room is left in a text control, shown under it once the end is near. `maxLength`
 * stops typing without a word and cuts a long paste unseen: this says so, quietly, then in the
 * error colour at the limit (GOV.UK's character count); given `cut` (from `usePasteCut`), it says
 * too what a paste that did not fit left out.
 *
 * The count shown is part of the control's description (see `describedWithCount`), so it is
 * heard with the field; it is hidden from reading order, where its twin, a polite live region,
 * says the same once typing pauses: a screen reader hears the count when the person stops,
 * not on every keystroke.
 */
export function LengthCount(props: { id: string; cut?: string | undefined } & LengthLimit) {
  const note = charactersLeft(props.value, props.max);
  const said = [note?.text, props.cut].filter(Boolean).join('. ');
  const [spoken, setSpoken] = useState('');
  // Said only after a change: a field opened with a long text says nothing until typed in.
  const changed = useRef(false);
  useEffect(() => {
    if (!changed.current) {
      changed.current = true;
      return;
    }
    const pause = setTimeout(() => setSpoken(said), 1000);
    return () => clearTimeout(pause);
  }, [said]);
  return (
    <>
      {note ? (
        <span id={`${props.id}-count`} class={note.atLimit ? 'length-count at-limit' : 'length-count'} aria-hidden="true">
          {note.text}
        </span>
      ) : null}
      {props.cut ? (
        <span id={`${props.id}-cut`} class="length-count at-limit" aria-hidden="true">
          {props.cut}
        </span>
      ) : null}
      {/* On the page before its words: a region that arrives with them may go unannounced. */}
      <span class="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </>
  );
}
