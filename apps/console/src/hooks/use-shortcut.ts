import { useEffect, useRef } from "react";

/** True when the key press belongs to a text field (shortcuts must not steal typing). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Binds single-key shortcuts (no modifier) while `enabled`; ignored while the agent types in a field.
 * `keys` maps a key (as in KeyboardEvent.key) to its action.
 */
export function useShortcuts(keys: Record<string, () => void>, enabled = true): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingInto(event.target)) return;
      const action = ref.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
