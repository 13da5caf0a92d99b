/**
 * Splits an article body into plain-text sentences: Markdown emphasis, links and list markers removed,
 * each list item its own sentence. Extractive answers are built from these.
 */
export function splitSentences(body: string): string[] {
  return splitSentenceParts(body).map((s) => s.text);
}

/** A sentence of an article with where it stands in the Markdown. */
export interface SentencePart {
  text: string;
  /** The first sentence of a list item: its opening words are the item's label ("Standard shipping"). */
  opensListItem: boolean;
}

/** Like splitSentences, and says which sentences open a list item. */
export function splitSentenceParts(body: string): SentencePart[] {
  const out: SentencePart[] = [];
  for (const rawLine of body.split(/\n+/)) {
    const listItem = /^\s*(?:[-*+]|\d+[.)])\s+/.test(rawLine);
    const line = rawLine
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
      .replace(/^#+\s*/, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__|`)/g, "")
      .trim();
    if (line.length === 0) continue;
    // A sentence ends at . ! ? followed by a space and a capital or digit; "e.g. this" stays whole.
    let first = true;
    for (const part of line.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/)) {
      const sentence = part.trim();
      if (sentence.length === 0) continue;
      out.push({ text: sentence, opensListItem: listItem && first });
      first = false;
    }
  }
  return out;
}
