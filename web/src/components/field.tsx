import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A labelled form control with its hint and error tied to it for screen readers. */
export function Field(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; required?: boolean; children: (aria: Record<string, string | boolean | undefined>) => ComponentChildren }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children({ id: props.id, 'aria-describedby': describedBy, 'aria-invalid': props.error ? 'true' : undefined, required: props.required })}
      {props.error ? (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * What was just done ("Saved.", "Moved to Quoted."), in a live region that is on the page before
 * the message fills it: screen readers announce a change to a region they already know of, and
 * may miss one that arrives together with its region.
 */
export function Announcement(props: { message?: { kind: 'success' | 'warn'; text: string } | undefined }) {
  const shown = useRef<HTMLDivElement>(null);
  // The button pressed may have gone with the change it made (a status step, a decision). The
  // focus would then fall to the start of the page, and on a phone the message would be out of
  // sight: the person is taken to what happened instead.
  useEffect(() => {
    if (props.message && (!document.activeElement || document.activeElement === document.body)) shown.current?.focus();
  }, [props.message]);
  return (
    <div role="status" class="announcement">
      {props.message ? (
        <div ref={shown} tabIndex={-1} class={`notice ${props.message.kind}`}>
          {props.message.text}
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
