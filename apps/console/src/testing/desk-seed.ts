import { vi } from "vitest";
import { AuditEntry, type Actor, type AuditAction, type Correction } from "@handoff/contracts";
import { pendingApproval, pendingHandoff, type TestServer } from "@handoff/server/testing";

/**
 * A pending correction made the real way: a customer's risky request waits for approval, the agent
 * edits the draft and sends it. Returns the correction the server recorded.
 */
export async function editedDraftCorrection(
  server: TestServer,
  question: string,
  answer: string,
): Promise<Correction & { draft: string }> {
  const { agent, review } = await pendingApproval(server, question);
  const ack = await agent.socket.emitWithAck("review:decide", {
    reviewId: review.id,
    decision: { type: "edit", text: answer },
  });
  if (!ack.ok) throw new Error(ack.error.message);
  agent.socket.disconnect();
  const pending = await server.platform.store.corrections.list({ status: "pending", limit: 1000 });
  const correction = pending.find((c) => c.conversationId === review.conversationId);
  if (!correction?.draft) throw new Error(`no correction was recorded for "${question}"`);
  return { ...correction, draft: correction.draft };
}

/** The state of a correction in the store. */
export async function storedCorrection(server: TestServer, id: string): Promise<Correction> {
  const correction = await server.platform.store.corrections.get(id);
  if (!correction) throw new Error(`correction ${id} is gone`);
  return correction;
}

const HOUR = 3_600_000;
const ALEX: Actor = { type: "user", id: "seed-agent", name: "Alex Agent" };
const SYSTEM: Actor = { type: "system", id: null, name: null };
const CUSTOMER: Actor = { type: "customer", id: null, name: null };

/** An audit event as core writes it, dated `hoursAgo` (the store stamps events with the clock). */
async function appendAt(
  server: TestServer,
  hoursAgo: number,
  actor: Actor,
  action: AuditAction,
  details: Record<string, unknown>,
) {
  // Only Date is faked, and only while appending, so sockets and timers carry on as usual.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - hoursAgo * HOUR);
  try {
    await server.platform.store.audit.append(
      AuditEntry.parse({ actor, action, conversationId: null, details }),
    );
  } finally {
    vi.useRealTimers();
  }
}

const routed = (route: string, reason: string, category: string) => ({ round: 0, route, reason, category });

/**
 * A week of history, with every number the dashboard should show known in advance. Together with
 * `liveHandoff` (one more message, handed over now and answered by an agent):
 * 10 messages, 6 automatic (60%), 2 approvals, 2 handoffs; escalations: medium confidence 1,
 * risk rule 1, out of scope 1, asked for a person 1; 4 decisions: 2 approved (50%), 1 edited (25%),
 * 1 rejected (25%), median wait 30s, p90 2m, 1 rubber stamp; ratings 5, 4, 4, 3 (average 4.0),
 * 3 thumbs up and 1 down; corrections: 2 created, 2 approved (the live handoff adds none: a request
 * for a person and a greeting are not a question and its answer).
 * In the last 24 hours: 2 messages (1 automatic, 1 handoff). In "shipping": 4 messages, all automatic.
 */
export async function seedHistory(server: TestServer): Promise<void> {
  const auto: Array<[number, string]> = [
    [100, "shipping"],
    [99, "shipping"],
    [75, "returns"],
    [50, "shipping"],
    [30, "returns"],
    [2, "shipping"],
  ];
  for (const [hours, category] of auto) {
    await appendAt(server, hours, SYSTEM, "message.routed", routed("auto", "high_confidence", category));
  }
  await appendAt(
    server,
    76,
    SYSTEM,
    "message.routed",
    routed("approval", "medium_confidence", "subscriptions"),
  );
  await appendAt(server, 31, SYSTEM, "message.routed", routed("approval", "risk_rule", "subscriptions"));
  await appendAt(server, 52, SYSTEM, "message.routed", routed("handoff", "out_of_scope", "wholesale"));

  const decided = (type: string, waitedMs: number, draftWords: number) => ({
    reviewId: `seed-${type}-${waitedMs}`,
    decision:
      type === "edit" ? { type, text: "edited" } : type === "reject" ? { type, reason: "wrong" } : { type },
    routeReason: "medium_confidence",
    category: "subscriptions",
    draftWords,
    waitedMs,
  });
  await appendAt(server, 48, ALEX, "review.decided", decided("approve", 1_000, 40));
  await appendAt(server, 48, ALEX, "review.decided", decided("approve", 60_000, 30));
  await appendAt(server, 48, ALEX, "review.decided", decided("edit", 120_000, 30));
  await appendAt(server, 48, ALEX, "review.decided", decided("reject", 30_000, 30));

  for (const score of [5, 4, 4, 3]) {
    await appendAt(server, 47, CUSTOMER, "conversation.rated", {
      score,
      comment: null,
      category: "shipping",
    });
  }
  for (const rating of ["up", "up", "up", "down"]) {
    await appendAt(server, 47, CUSTOMER, "message.rated", { messageId: "m", rating, category: "shipping" });
  }
  await appendAt(server, 46, ALEX, "correction.created", { correctionId: "seed-c1" });
  await appendAt(server, 46, ALEX, "correction.created", { correctionId: "seed-c2" });
  await appendAt(server, 45, ALEX, "correction.reviewed", { correctionId: "seed-c1", status: "approved" });
  await appendAt(server, 45, ALEX, "correction.reviewed", { correctionId: "seed-c0", status: "approved" });
  await appendAt(server, 45, ALEX, "correction.reviewed", { correctionId: "seed-c2", status: "rejected" });
}

/** A customer asks for a person now; an agent claims the chat and answers (handoff to first reply). */
export async function liveHandoff(server: TestServer): Promise<void> {
  const { agent, customer, review } = await pendingHandoff(server);
  const claimed = await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
  if (!claimed.ok) throw new Error(claimed.error.message);
  const sent = await agent.socket.emitWithAck("message:send", {
    conversationId: customer.conversationId,
    clientId: "first-reply",
    text: "Hi, I'm here and happy to help.",
    internal: false,
  });
  if (!sent.ok) throw new Error(sent.error.message);
  await server.platform.conversations.idle();
  agent.socket.disconnect();
}

/**
 * Review history older than a week (outside the dashboard's default period, so its numbers stay as
 * `seedHistory` says), from which the server recommends: 60 shipping drafts approved unchanged
 * (relax) and 13 returns drafts of which 5 were edited (needs attention).
 */
export async function seedReviewHistory(server: TestServer): Promise<void> {
  const decision = (category: string, type: "approve" | "edit", i: number) => ({
    reviewId: `seed-history-${category}-${i}`,
    decision: type === "edit" ? { type, text: "edited" } : { type },
    category,
    waitedMs: 60_000,
    draftWords: 30,
  });
  for (let i = 0; i < 60; i++)
    await appendAt(server, 240, ALEX, "review.decided", decision("shipping", "approve", i));
  for (let i = 0; i < 13; i++) {
    await appendAt(server, 288, ALEX, "review.decided", decision("returns", i < 5 ? "edit" : "approve", i));
  }
}
