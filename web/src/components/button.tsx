import type { JSX } from 'preact';

/**
 * A button that can be unavailable for now (a request on its way, nothing typed yet) and still
 * keep the keyboard's focus: a `disabled` button drops the focus to the start of the page the
 * moment a request begins, and a person on a keyboard or a screen reader loses their place.
 */
export function Button(props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { unavailable?: boolean }) {
  const { unavailable, onClick, ...rest } = props;
  return (
    <button
      {...rest}
      aria-disabled={unavailable ? 'true' : undefined}
      onClick={(event) => {
        // Also stops a submit button from sending its form (by click, or Enter in a field).
        if (unavailable) event.preventDefault();
        else onClick?.call(event.currentTarget, event);
      }}
    />
  );
}
