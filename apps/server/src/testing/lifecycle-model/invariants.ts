import {
  decisionEffect,
  packetDrafts,
  type ConversationStatus,
  type Conversation,
  type Inbox,
  type Message,
  type Review,
} from "@handoff/contracts";
import { LifecycleEvent, nextStatus, type BaseCheckpointSaver, type Store } from "@handoff/core";

/** What the invariants read: the store (and checkpoints) and the console's inbox. */
export interface ModelView {
  store: Store;
  checkpointer: BaseCheckpointSaver;
  inbox(): Promise<Inbox>;
}

/** The run (and checkpoint thread) a bot or review reply belongs to, or null for any other message. */
export function replyRun(message: Message): string | null {
  const id = message.clientId ?? "";
  if (message.author === "bot" && id.endsWith(":auto")) return id.slice(0, -":auto".length);
  if ((message.author === "bot" || message.author === "agent") && id.endsWith(":reply"))
    return id.slice(0, -":reply".length).replace(/:review:\d+$/, "");
  return null;
}

/** Statuses reachable from `from` in a few lifecycle events (one model step can chain several). */
function reachable(from: ConversationStatus): Set<ConversationStatus> {
  const seen = new Set<ConversationStatus>([from]);
  for (let hop = 0; hop < 6; hop++)
    for (const s of [...seen])
      for (const event of LifecycleEvent.options) {
        const to = nextStatus(s, event);
        if (to) seen.add(to);
      }
  return seen;
}

/**
 * Checks the lifecycle's invariants on some conversations and returns what is violated. Always: seqs
 * have no gaps, no run replies twice, the status is one the lifecycle reaches from the last one seen,
 * at most one open approval and one open handoff. When nothing is in flight (`settled`), also: every
 * customer message is answered exactly once or is with a person, nothing is queued, every decision is
 * applied and did what it says, every pause has its inbox item and matches the status, and recovery
 * never had to give a conversation up.
 */
export async function checkInvariants(
  view: ModelView,
  conversationIds: readonly string[],
  last: Map<string, ConversationStatus>,
  settled: boolean,
): Promise<string[]> {
  const problems: string[] = [];
  const inbox = settled ? await view.inbox() : null;
  const unapplied = settled
    ? new Set(
        (
          await view.store.reviews.listUnapplied(
            new Date(Date.now() + 86_400_000 * 365).toISOString(),
            10_000,
          )
        ).map((r) => r.id),
      )
    : new Set<string>();
  for (const id of conversationIds) {
    const say = (what: string) => problems.push(`${id.slice(0, 8)}: ${what}`);
    const conversation = await view.store.conversations.get(id);
    if (!conversation) {
      say("conversation is gone");
      continue;
    }
    const messages = await view.store.messages.listSince(id, 0, 10_000);
    const reviews = await view.store.reviews.listByConversation(id);
    checkAlways(conversation, messages, reviews, last.get(id), say);
    last.set(id, conversation.status);
    if (!settled || !inbox) continue;
    await checkSettled(view, conversation, messages, reviews, { inbox, unapplied }, say);
  }
  return problems;
}

function checkAlways(
  conversation: Conversation,
  messages: Message[],
  reviews: Review[],
  previous: ConversationStatus | undefined,
  say: (what: string) => void,
) {
  messages.forEach((m, i) => {
    if (m.seq !== i + 1) say(`seq ${m.seq} where ${i + 1} was due`);
  });
  const replies = new Map<string, number>();
  for (const m of messages) {
    const run = replyRun(m);
    if (m.author === "bot" && run === null) say(`bot message ${m.clientId} answers no question`);
    if (run) replies.set(run, (replies.get(run) ?? 0) + 1);
  }
  for (const [run, count] of replies) if (count > 1) say(`run ${run} replied ${count} times`);
  if (previous && !reachable(previous).has(conversation.status))
    say(`moved from ${previous} to ${conversation.status}, which the lifecycle does not allow`);
  const open = reviews.filter((r) => r.status === "pending" || r.status === "claimed");
  for (const kind of ["approval", "handoff"] as const)
    if (open.filter((r) => r.kind === kind).length > 1) say(`more than one open ${kind}`);
}

async function checkSettled(
  view: ModelView,
  conversation: Conversation,
  messages: Message[],
  reviews: Review[],
  seen: { inbox: Inbox; unapplied: Set<string> },
  say: (what: string) => void,
) {
  const { status } = conversation;
  const open = reviews.filter((r) => r.status === "pending" || r.status === "claimed");
  const expected =
    status === "awaiting_approval"
      ? "approval:pending"
      : status === "waiting_human"
        ? "handoff:pending"
        : status === "human"
          ? "handoff:claimed"
          : "";
  const actual = open.map((r) => `${r.kind}:${r.status}`).join(",");
  if (actual !== expected) say(`status ${status} with open reviews [${actual}]`);
  for (const r of open)
    if (!seen.inbox.reviews.some((i) => i.id === r.id)) say(`open ${r.kind} ${r.id} is in no inbox`);
  for (const r of reviews) if (seen.unapplied.has(r.id)) say(`decision on ${r.id} never applied`);
  // The model injects no damage: a conversation recovery had to give to a person is a bug it hid.
  const gaveUp = await view.store.audit.list({
    conversationId: conversation.id,
    action: "conversation.recovery_failed",
    limit: 5,
  });
  for (const e of gaveUp) say(`recovery gave up: ${JSON.stringify(e.details)}`);

  const byId = new Map(messages.map((m) => [m.clientId, m]));
  const replies = new Map<string, Message>();
  for (const m of messages) {
    const run = replyRun(m);
    if (run) replies.set(run, m);
  }
  for (const r of reviews.filter((r) => r.status === "decided")) {
    if (r.kind === "handoff") {
      if (r.decision && !byId.has(`${r.id}:${r.decision.type}`))
        say(`closed handoff ${r.id} never told the customer`);
      continue;
    }
    if (!r.decision) continue;
    const effect = decisionEffect(r.decision, packetDrafts(r.packet));
    if (effect.kind === "reply" && byId.get(`${r.id}:reply`)?.text !== effect.reply.text)
      say(`${r.decision.type} on ${r.id} did not send its reply`);
    if (effect.kind !== "reply" && byId.has(`${r.id}:reply`))
      say(`${r.decision.type} on ${r.id} sent a reply`);
    const thread = reviews.filter(
      (o) => o.threadId === r.threadId && o.createdAt >= r.createdAt && o.id !== r.id,
    );
    if (effect.kind === "redraft" && !thread.some((o) => o.kind === "approval"))
      say(`guide on ${r.id} never redrafted`);
    if (effect.kind === "person" && !thread.some((o) => o.kind === "handoff"))
      say(`${r.decision.type} on ${r.id} reached no person`);
  }

  // Where a person had the conversation, in seqs: from the question whose run handed over (a message
  // that came in meanwhile waited and went to them) to the message that closed the handoff.
  const withPerson = reviews
    .filter((r) => r.kind === "handoff")
    .map((h) => ({
      from: Number(/^[^:]+:(\d+)/.exec(h.threadId)?.[1] ?? 0),
      to: h.decision ? (byId.get(`${h.id}:${h.decision.type}`)?.seq ?? Infinity) : Infinity,
    }));
  for (const { seq, handling } of await view.store.messages.listHandling(conversation.id)) {
    const run = `${conversation.id}:${seq}`;
    switch (handling) {
      case "queued":
        say(`message ${seq} is still queued`);
        break;
      case "held":
        if (status !== "awaiting_approval") say(`message ${seq} is held while ${status}`);
        break;
      case "person":
        if (replies.has(run)) say(`message ${seq} went to a person and was answered by the bot`);
        if (!withPerson.some((p) => p.from < seq && seq < p.to))
          say(`message ${seq} went to a person who never had it`);
        break;
      case "routed": {
        const paused = reviews.some((r) => r.threadId === run);
        if (!replies.has(run) && !paused)
          say(`message ${seq} was routed but neither answered nor given to a person`);
        // A run that paused saves its checkpoint; one that answered at once saves none (its reply says it ended).
        if (paused && (await view.checkpointer.getTuple({ configurable: { thread_id: run } })) === undefined)
          say(`message ${seq} was routed to a pause but its run saved no checkpoint`);
        break;
      }
    }
  }
}
