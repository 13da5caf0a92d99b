import { diffWords } from "diff";

/** A run of text that both versions share, or that only one of them has. */
export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

/** The word-level changes that turn `before` (the bot's draft) into `after` (the human's answer). */
export function wordDiff(before: string, after: string): DiffSegment[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** How many words the human added and removed: a quick sense of how much the draft changed. */
export function changeSize(segments: readonly DiffSegment[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const s of segments) {
    if (s.kind === "added") added += words(s.text);
    if (s.kind === "removed") removed += words(s.text);
  }
  return { added, removed };
}
