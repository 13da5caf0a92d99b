import type { ReactNode } from "react";

/** A button with its keyboard shortcut shown and announced (the key itself is bound elsewhere). */
export function ShortcutButton(props: {
  shortcut: string;
  onClick(): void;
  disabled?: boolean;
  variant?: "primary" | "danger";
  children: ReactNode;
}) {
  const { shortcut, variant } = props;
  return (
    <button
      type="button"
      className={variant ? `btn btn-${variant}` : "btn"}
      disabled={props.disabled}
      aria-keyshortcuts={shortcut}
      onClick={props.onClick}
    >
      {props.children} <kbd aria-hidden="true">{shortcut}</kbd>
    </button>
  );
}
