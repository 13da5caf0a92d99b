import type { ReactNode } from "react";

/**
 * Jumps keyboard focus past the top bar. It focuses the target itself rather than following a
 * "#id" link, because the hash holds the console's route.
 */
export function SkipLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {children}
    </a>
  );
}
