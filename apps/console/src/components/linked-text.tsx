import { splitLinks } from "@handoff/contracts";

/**
 * A message's text with its web addresses as links. Only http(s) addresses become links (never
 * javascript: or data:), they open in a new tab, and the page they open gets no handle back to the
 * console (noopener) nor its address (noreferrer).
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
