import { splitLinks } from "@handoff/contracts";

/**
 * A message's text with its web addresses as links: only http(s) ones (never javascript: or data:),
 * opened in a new tab with no handle back to the chat and no referrer.
 */
export function LinkedText(props: { text: string }) {
  return (
    <>
      {splitLinks(props.text).map((part, i) =>
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
