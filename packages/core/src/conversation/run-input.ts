import type { Message, Turn } from "@handoff/contracts";
import type { Store } from "../ports";

/** How many earlier turns the graph sees; older context is folded into the summary. */
export const CONTEXT_TURNS = 8;

/** The bounded context for a run: recent visible turns before the question and a short summary of older ones. */
export async function loadContext(store: Store, conversationId: string, beforeSeq: number) {
  const recent = await store.messages.listRecent(conversationId, CONTEXT_TURNS * 3);
  const visible = recent.filter((m) => !m.internal && m.seq < beforeSeq && m.author !== "system");
  const turns = visible.slice(-CONTEXT_TURNS).map(toTurn);
  const older = visible.slice(0, -CONTEXT_TURNS).filter((m) => m.author === "customer");
  const summary = older.length
    ? `Earlier the customer asked: ${older.map((m) => m.text.slice(0, 160)).join(" / ")}`
    : "";
  return { turns, summary };
}

function toTurn(message: Message): Turn {
  return { author: message.author, text: message.text, at: message.createdAt };
}
