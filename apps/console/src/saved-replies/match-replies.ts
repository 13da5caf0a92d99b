import type { SavedReply } from "@handoff/contracts";

/** A "/word" being typed at the caret: where it starts and the word so far. */
export interface SlashQuery {
  start: number;
  query: string;
}

/** The "/word" right before the caret, when it starts the text or follows a space or line break. */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const match = /(^|\s)\/([a-z0-9_-]*)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? "";
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

/** Replies whose shortcut starts with the query, then those whose title contains it; an agent's own first. */
export function matchReplies(replies: readonly SavedReply[], query: string, max = 8): SavedReply[] {
  const rank = (r: SavedReply) =>
    r.shortcut.startsWith(query) ? 0 : r.title.toLowerCase().includes(query) ? 1 : 2;
  return replies
    .filter((r) => rank(r) < 2)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(a.scope === "team") - Number(b.scope === "team") ||
        a.shortcut.localeCompare(b.shortcut),
    )
    .slice(0, max);
}
