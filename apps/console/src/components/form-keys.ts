import type { KeyboardEvent } from "react";

/**
 * The keyboard of every inline form: Escape cancels, Ctrl/Cmd+Enter submits (from `onlyFrom`, when
 * given, so a shortcut typed in another field of the page is not taken).
 */
export function formKeys(submit: () => void, cancel: () => void, onlyFrom?: () => EventTarget | null) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && (!onlyFrom || e.target === onlyFrom())) {
      submit();
    }
  };
}
