import type { Message, Turn } from "@handoff/contracts";
import type { ContextMessage, Store } from "../ports";

/** How many earlier turns the graph sees; older context is folded into the summary. */
export const CONTEXT_TURNS = 8;

/**
 * The bounded context for a run: recent visible turns before the question and a short summary of
 * older ones. A question that waited behind a pending approval also sees the replies the customer got
 * while it waited (`sentSince`), so the bot knows what the customer already has.
 */
export async function loadContext(
  store: Store,
  question: Pick<Message, "conversationId" | "seq">,
  opts: { waited?: boolean } = {},
) {
  const recent = await store.messages.listRecentContext(question.conversationId, CONTEXT_TURNS * 3);
  const shown = recent.filter((m) => !m.internal && m.author !== "system");
  const visible = shown.filter((m) => m.seq < question.seq);
  const runPrefix = `${question.conversationId}:${question.seq}:`;
  // Replies to the pending request that came after the question (never the ones this run itself sent).
  const since = opts.waited
    ? shown.filter(
        (m) => m.seq > question.seq && m.author !== "customer" && !m.clientId?.startsWith(runPrefix),
      )
    : [];
  const turns = [...visible.slice(-CONTEXT_TURNS), ...since].map(toTurn);
  const older = visible.slice(0, -CONTEXT_TURNS).filter((m) => m.author === "customer");
  const summary = older.length
    ? `Earlier the customer asked: ${older.map((m) => m.text.slice(0, 160)).join(" / ")}`
    : "";
  return {
    turns,
    summary,
    ...(opts.waited ? { standalone: true, sentSince: since.map((m) => m.text) } : {}),
  };
}

function toTurn(message: ContextMessage): Turn {
  return { author: message.author, text: message.text, at: message.createdAt };
}

/** The run (and checkpoint thread) that answers a customer message. */
export const messageRunId = (message: Pick<Message, "conversationId" | "seq">) =>
  `${message.conversationId}:${message.seq}`;
