import { describe, expect, it } from "vitest";
import type { Review, ReviewDecision } from "@handoff/contracts";
import { damageCheckpoint } from "@handoff/store/testing";
import {
  captureLogger,
  connectAgent,
  connectCustomer,
  customerTranscript,
  movableClock,
  nextMessage,
  nextReview,
  pendingApproval,
  storeVariants,
  type TestServer,
} from "../testing";
import { storeRestarts } from "../testing/store-restarts";
import { useTestServers } from "../testing/test-servers";

const { start, restart } = storeRestarts(useTestServers());

async function reviewsOf(server: TestServer, conversationId: string): Promise<Review[]> {
  return server.platform.store.reviews.listByConversation(conversationId);
}

const toPerson: Array<{ name: string; decision: ReviewDecision; status: "waiting_human" | "human" }> = [
  {
    name: "a rejection without a reply",
    decision: { type: "reject", reason: "Needs a look" },
    status: "waiting_human",
  },
  { name: "a takeover", decision: { type: "takeover" }, status: "human" },
];

describe.each(storeVariants("decisions_restart"))("decisions and restarts on $name", ({ reopenable }) => {
  it.each(toPerson)(
    "after $name the server starts again, and the conversation stays with a person with nothing sent twice",
    { timeout: 60_000 },
    async ({ decision, status }) => {
      const open = reopenable();
      const first = await start(open);
      const { agent, customer, review } = await pendingApproval(first);
      const handedOver = nextReview(agent.socket, "review:created", (r) => r.kind === "handoff");
      const decided = await agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision });
      expect(decided.ok).toBe(true);
      const handoff = await handedOver;
      const before = await customerTranscript(customer);

      const second = await restart(first, open);
      const third = await restart(second, open);
      expect((await third.platform.store.conversations.get(customer.conversationId))?.status).toBe(status);
      expect((await reviewsOf(third, customer.conversationId)).map((r) => [r.id, r.status])).toEqual([
        [review.id, "decided"],
        [handoff.id, status === "human" ? "claimed" : "pending"],
      ]);
      expect(
        await third.platform.store.reviews.listUnapplied(new Date(Date.now() + 60_000).toISOString(), 10),
      ).toEqual([]);
      const again = await connectCustomer(third, customer);
      expect(await customerTranscript(again)).toEqual(before);

      // The handoff still works on the new process: claimed (unless taken over already) and handed back.
      const agent3 = await connectAgent(third);
      if (status === "waiting_human")
        expect((await agent3.socket.emitWithAck("handoff:claim", { reviewId: handoff.id })).ok).toBe(true);
      const back = await agent3.socket.emitWithAck("handoff:release", {
        conversationId: customer.conversationId,
        outcome: "handed_back",
      });
      expect(back.ok).toBe(true);
      expect((await third.platform.store.conversations.get(customer.conversationId))?.status).toBe("bot");
    },
  );

  it(
    "after an approval timed out to a person, the server starts again and the customer was told once",
    { timeout: 60_000 },
    async () => {
      const open = reopenable();
      const clock = movableClock();
      const first = await start(open, { clock });
      const { customer, review } = await pendingApproval(first);
      clock.advanceMinutes(31);
      expect(await first.platform.conversations.applyDueDeadlines()).toBe(1);
      const second = await restart(first, open, { clock });
      const third = await restart(second, open, { clock });
      expect((await third.platform.store.conversations.get(customer.conversationId))?.status).toBe(
        "waiting_human",
      );
      const reviews = await reviewsOf(third, customer.conversationId);
      expect(reviews.map((r) => [r.kind, r.status])).toEqual([
        ["approval", "decided"],
        ["handoff", "pending"],
      ]);
      expect(reviews[0]?.id).toBe(review.id);
      const again = await connectCustomer(third, customer);
      const told = (await customerTranscript(again)).filter((m) => m.notice?.kind === "approval.timed_out");
      expect(told).toHaveLength(1);
    },
  );

  it(
    "a guide decision is applied once, however often the recovery sweep runs",
    { timeout: 60_000 },
    async () => {
      const server = await start(reopenable());
      const { agent, customer, review } = await pendingApproval(server);
      const redrafted = nextReview(agent.socket, "review:created", (r) => r.id !== review.id);
      const guided = await agent.socket.emitWithAck("review:decide", {
        reviewId: review.id,
        decision: { type: "guide", instruction: "Say that it ends at the close of the billing period." },
      });
      expect(guided.ok).toBe(true);
      const second = await redrafted;
      // With REDIS_URL set every deadline tick runs this sweep; it used to resume the guide again each time.
      for (let i = 0; i < 4; i++) await server.platform.conversations.recover();
      expect((await reviewsOf(server, customer.conversationId)).map((r) => [r.id, r.status])).toEqual([
        [review.id, "decided"],
        [second.id, "pending"],
      ]);
      const routed = await server.platform.store.audit.list({
        conversationId: customer.conversationId,
        action: "message.routed",
        limit: 20,
      });
      expect(routed).toHaveLength(2);

      const reply = nextMessage(customer.socket, (m) => m.author === "bot");
      await agent.socket.emitWithAck("review:decide", { reviewId: second.id, decision: { type: "approve" } });
      await reply;
      for (let i = 0; i < 2; i++) await server.platform.conversations.recover();
      const bot = (await customerTranscript(customer)).filter((m) => m.author === "bot");
      expect(bot).toHaveLength(1);
      expect(await reviewsOf(server, customer.conversationId)).toHaveLength(2);
    },
  );

  it(
    "a conversation recovery cannot finish is logged with its id, goes to a person with a note, and does not stop start-up or the others",
    { timeout: 60_000 },
    async () => {
      const open = reopenable();
      const first = await start(open);
      // Two decisions recorded just before the process died, the first on a thread whose checkpoint is damaged.
      const broken = await pendingApproval(first);
      const healthy = await pendingApproval(first, "I want a refund for my order 5521");
      await first.platform.store.reviews.decide(broken.review.id, ["pending"], { type: "approve" }, null);
      await first.platform.store.reviews.decide(healthy.review.id, ["pending"], { type: "approve" }, null);
      await damageCheckpoint(first.platform.checkpointer, broken.review.threadId);

      const log = captureLogger();
      const second = await restart(first, open, { logger: log.logger });
      const failures = log.lines.filter(
        (l) => l.level >= 50 && l.conversationId === broken.customer.conversationId,
      );
      expect(failures.length).toBeGreaterThan(0);

      const healed = await connectCustomer(second, healthy.customer);
      expect((await customerTranscript(healed)).filter((m) => m.author === "bot").map((m) => m.text)).toEqual(
        [healthy.review.packet.draft.text],
      );
      const conversation = await second.platform.store.conversations.get(broken.customer.conversationId);
      expect(conversation?.status).toBe("waiting_human");
      const agent = await connectAgent(second);
      const opened = await agent.socket.emitWithAck("conversation:open", {
        conversationId: broken.customer.conversationId,
      });
      if (!opened.ok) throw new Error(opened.error.message);
      const notes = opened.data.messages.filter((m) => m.internal && m.author === "system");
      expect(notes).toHaveLength(1);
      expect(opened.data.reviews.find((r) => r.kind === "handoff")?.packet.routeReason).toBe(
        "recovery_failed",
      );

      // Given to a person, it is not retried on the next start.
      const later = captureLogger();
      const third = await restart(second, open, { logger: later.logger });
      expect(later.lines.filter((l) => l.conversationId === broken.customer.conversationId)).toEqual([]);
      const events = await third.platform.store.audit.list({
        conversationId: broken.customer.conversationId,
        action: "conversation.recovery_failed",
        limit: 10,
      });
      expect(events).toHaveLength(1);
    },
  );
});
