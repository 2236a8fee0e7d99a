import { useEffect, useRef } from 'preact/hooks';

/**
 * Puts the focus on an element (by id) once the change under way has been drawn: for a control
 * that only then exists, has moved, or is enabled again. Without it the focus stays where the
 * pressed button was, or falls to the start of the page when that button goes.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string>();
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = undefined;
  });
  return (id: string) => {
    pending.current = id;
  };
}
