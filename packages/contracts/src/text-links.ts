/** A piece of a message: plain text, or a web address to show as a link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Only web addresses are found (http://, https:// or www.), so javascript:, data: and the like stay text.
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
// Punctuation that ends a sentence or a bracket around an address is not part of it.
const TRAILING = /[.,;:!?'")\]}>»”’]+$/;

/**
 * Splits a message into text and the web addresses in it, for a UI to render the addresses as links.
 * Every href is an absolute http(s) URL as parsed by URL; anything else is left as text.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const raw = match[0];
    const trimmed = balanceParens(raw.replace(TRAILING, ""), raw);
    const href = safeHref(trimmed);
    const start = match.index;
    if (!href || start === undefined) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: trimmed, href });
    last = start + trimmed.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Keeps a closing bracket the address opened itself, as in a wiki link "…/Coffee_(drink)". */
function balanceParens(trimmed: string, raw: string): string {
  const opened = (trimmed.match(/\(/g) ?? []).length - (trimmed.match(/\)/g) ?? []).length;
  return opened > 0 && raw.slice(trimmed.length).startsWith(")") ? `${trimmed})` : trimmed;
}

function safeHref(address: string): string | null {
  try {
    const url = new URL(/^www\./i.test(address) ? `https://${address}` : address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
