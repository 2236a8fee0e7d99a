import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describedWithCount, LengthCount, type LengthLimit, usePasteCut } from './length-count.tsx';
import { WithLinks } from './with-links.tsx';

/** The ids of a control's hint and error, as its `aria-describedby` (`<id>-hint`, `<id>-error`). */
export const describedByOf = (id: string, hint: string | undefined, error: string | undefined) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/**
 * A labelled form control with its hint and error tied to it for screen readers; given `count`
 * (a text control's value and maxLength), the room left too, once near the end, and what a paste
 * that did not fit left out. A web address in the hint is a link: a seller's help text may point
 * to their policies or sizes.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  count?: LengthLimit | undefined;
  children: (aria: Record<string, string | boolean | undefined>) => ComponentChildren;
}) {
  const cut = usePasteCut(props.id, props.count);
  const describedBy = describedWithCount(describedByOf(props.id, props.hint, props.error), props.id, props.count, cut);
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          <WithLinks text={props.hint} />
        </span>
      ) : null}
      {props.children({ id: props.id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? 'true' : undefined, required: props.required })}
      {props.error ? (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      {props.count ? <LengthCount id={props.id} {...props.count} cut={cut} /> : null}
    </div>
  );
}

/**
 * What was just done ("Saved.", "Moved to Quoted."), in a live region that is on the page before
 * the message fills it: screen readers announce a change to a region they already know of, and
 * may miss one that arrives together with its region.
 */
export function Announcement(props: { message?: { kind: 'success' | 'warn'; text: string } | undefined }) {
  const region = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLDivElement>(null);
  // Said far above the pressed button (a proof sent at the foot of a long page), the message
  // would go unseen: once its place is out of view, it is held at the top of the view (sticky,
  // so it keeps its place in the page and in the reading order) for a few seconds or until closed.
  const [floating, setFloating] = useState(false);
  const done = useRef(false);
  useEffect(() => {
    setFloating(false);
    done.current = false;
    if (!props.message || !shown.current || !region.current) return;
    // The button pressed may have gone with the change it made (a status step, a decision). The
    // focus would then fall to the start of the page: the person is taken to what happened instead.
    // The last message may still be held at the top of the view (a comment just added): focused
    // there, nothing would scroll, and it would then drop back to its place out of view. It goes
    // back to its place first (the class now: the render that says so comes after), then is focused.
    if (!document.activeElement || document.activeElement === document.body) {
      region.current.classList.remove('floating');
      shown.current.focus();
    }
    // Watched rather than measured once: the page is still settling (images, scroll anchoring).
    const watcher = new IntersectionObserver(([place]) => {
      if (!done.current && place && !place.isIntersecting) setFloating(true);
    });
    watcher.observe(region.current);
    const sinking = setTimeout(() => {
      done.current = true;
      setFloating(false);
    }, 8000);
    return () => {
      watcher.disconnect();
      clearTimeout(sinking);
    };
  }, [props.message]);
  return (
    <div role="status" class={`announcement${floating ? ' floating' : ''}`} ref={region}>
      {props.message ? (
        <div ref={shown} tabIndex={-1} class={`notice ${props.message.kind}`}>
          <span>{props.message.text}</span>
          {floating ? (
            <button
              type="button"
              class="button ghost"
              onClick={() => {
                done.current = true;
                setFloating(false);
              }}
            >
              Hide<span class="visually-hidden"> this message</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function Notice(props: { kind: 'error' | 'success' | 'info' | 'warn'; children: ComponentChildren }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}
