/**
 * Splits an article body into plain-text sentences: Markdown emphasis, links and list markers removed,
 * each list item its own sentence. Extractive answers are built from these.
 */
export function splitSentences(body: string): string[] {
  const out: string[] = [];
  for (const rawLine of body.split(/\n+/)) {
    const line = rawLine
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
      .replace(/^#+\s*/, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__|`)/g, "")
      .trim();
    if (line.length === 0) continue;
    // A sentence ends at . ! ? followed by a space and a capital or digit; "e.g. this" stays whole.
    for (const part of line.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/)) {
      const sentence = part.trim();
      if (sentence.length > 0) out.push(sentence);
    }
  }
  return out;
}
