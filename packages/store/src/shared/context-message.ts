import type { Message } from "@handoff/contracts";
import type { ContextMessage } from "@handoff/core";

/** The part of a whole message a run's turn context reads. */
export function contextMessage({
  seq,
  author,
  text,
  clientId,
  internal,
  createdAt,
}: Message): ContextMessage {
  return { seq, author, text, clientId, internal, createdAt };
}
