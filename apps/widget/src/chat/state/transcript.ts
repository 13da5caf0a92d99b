import type { Message } from "@handoff/contracts";

/** A message the customer typed that the server has not stored yet (it keeps its clientId for retries). */
export interface OutboxItem {
  clientId: string;
  text: string;
  createdAt: string;
}

/**
 * Adds server messages to a transcript: one entry per id (and per sequence number), internal notes
 * never shown, ordered by sequence. Returns the same array when nothing is new, so callers can tell.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const ids = new Set(current.map((m) => m.id));
  const seqs = new Set(current.map((m) => m.seq));
  const fresh: Message[] = [];
  for (const message of incoming) {
    if (message.internal || ids.has(message.id) || seqs.has(message.seq)) continue;
    ids.add(message.id);
    seqs.add(message.seq);
    fresh.push(message);
  }
  if (fresh.length === 0) return [...current];
  return [...current, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** The highest sequence number held: what to resync from after a reconnect. */
export const lastSeq = (messages: readonly Message[]): number =>
  messages.reduce((max, m) => Math.max(max, m.seq), 0);

/** Drops the outbox items the server has stored (matched by clientId), so each message shows once. */
export function settleOutbox(outbox: readonly OutboxItem[], messages: readonly Message[]): OutboxItem[] {
  const stored = new Set(
    messages.flatMap((m) => (m.author === "customer" && m.clientId ? [m.clientId] : [])),
  );
  return outbox.filter((item) => !stored.has(item.clientId));
}
