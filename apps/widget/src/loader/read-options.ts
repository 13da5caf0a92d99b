import { readableAccent } from "../shared/color";

/** What a site owner sets with data-* attributes on the script tag. */
export interface LoaderOptions {
  /** Origin of the Handoff Desk server (default: where embed.js was loaded from). */
  server: string;
  title: string;
  greeting: string;
  accent: string;
  position: "left" | "right";
  language: string;
  /** Link for a cited article: `{id}` is replaced by the article id (used when a source has no url). */
  helpUrl: string;
  /** Open the chat as soon as the page loads. */
  open: boolean;
}

/** Reads data-* options; `attr` returns an attribute's value (null when absent). */
export function readOptions(
  attr: (name: string) => string | null,
  scriptSrc: string,
  page: { href: string; language: string },
): LoaderOptions {
  const scriptUrl = new URL(scriptSrc || page.href, page.href);
  const server = new URL(attr("data-server") || scriptUrl.origin, page.href).origin;
  const helpUrl = attr("data-help-url");
  return {
    server,
    title: attr("data-title")?.trim() || "",
    greeting: attr("data-greeting")?.trim() || "",
    accent: readableAccent(attr("data-accent")).accent,
    position: attr("data-position") === "left" ? "left" : "right",
    language: (attr("data-language") || page.language || "en").slice(0, 12),
    // Resolved against the site's page, so a site can point at its own help center with a relative path.
    helpUrl: helpUrl ? new URL(helpUrl, page.href).href.replace("%7Bid%7D", "{id}") : "",
    open: attr("data-open") === "true",
  };
}

/** The chat page's address with the options it needs, and the site's origin for its postMessage checks. */
export function frameUrl(options: LoaderOptions, hostOrigin: string): string {
  const params = new URLSearchParams({
    origin: hostOrigin,
    title: options.title,
    greeting: options.greeting,
    accent: options.accent,
    lang: options.language,
    help: options.helpUrl,
  });
  return `${options.server}/widget/?${params.toString()}`;
}
