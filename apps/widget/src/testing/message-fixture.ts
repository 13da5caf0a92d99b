import type { Message } from "@handoff/contracts";

/** A stored message for unit tests. */
export const msg = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: "c1",
  seq,
  clientId: null,
  author: "bot",
  authorName: "Assistant",
  text: `message ${seq}`,
  sources: [],
  internal: false,
  createdAt: new Date(2025, 0, 1, 12, 0, seq).toISOString(),
  ...over,
});
