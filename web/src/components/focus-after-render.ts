import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Puts the focus on an element (by id) once the change under way has been drawn: for a control
 * that only then exists, has moved, or is enabled again. Without it the focus stays where the
 * pressed button was, or falls to the start of the page when that button goes.
 *
 * A layout effect, run as each render is committed: a plain effect waits for the next frame, and
 * on a busy machine an earlier render's effect still waiting is run just before the render that
 * draws the element, finds nothing and would drop the request. The request is kept until the
 * focus lands (a file picker is enabled again only once the cancelled upload has gone).
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string>();
  useLayoutEffect(() => {
    if (!pending.current) return;
    const target = document.getElementById(pending.current);
    target?.focus();
    if (target && document.activeElement === target) pending.current = undefined;
  });
  return (id: string) => {
    pending.current = id;
  };
}
