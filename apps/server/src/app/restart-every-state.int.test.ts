import { describe, expect, it } from "vitest";
import type { ConversationStatus, ReviewDecision } from "@handoff/contracts";
import {
  connectAgent,
  connectCustomer,
  customerTranscript,
  movableClock,
  pendingApproval,
  pendingHandoff,
  storeVariants,
  type TestServer,
} from "../testing";
import { storeRestarts } from "../testing/store-restarts";
import { useTestServers } from "../testing/test-servers";

const { start, restart } = storeRestarts(useTestServers());

const statusOf = async (server: TestServer, conversationId: string) =>
  (await server.platform.store.conversations.get(conversationId))?.status;

const reviewsOf = (server: TestServer, conversationId: string) =>
  server.platform.store.reviews.listByConversation(conversationId);

/** What the customer sees from the bot and agents, after the server is done with the conversation. */
async function replies(server: TestServer, customer: Awaited<ReturnType<typeof connectCustomer>>) {
  await server.platform.conversations.idle();
  const again = await connectCustomer(server, customer);
  return (await customerTranscript(again)).filter((m) => m.author === "bot" || m.author === "agent");
}

describe.each(storeVariants("every_state"))("restarts on $name", ({ reopenable }) => {
  it(
    "every kind of decision recorded just before a crash is applied once by the next process",
    { timeout: 120_000 },
    async () => {
      const open = reopenable();
      const clock = movableClock();
      const first = await start(open, { clock });
      const agent = await connectAgent(first);
      const approvals: Array<{
        name: string;
        decision: (alternative: string) => ReviewDecision;
        expect: { status: ConversationStatus; reply?: (draft: string, alternative: string) => string };
      }> = [
        {
          name: "approve",
          decision: () => ({ type: "approve" }),
          expect: { status: "bot", reply: (d) => d },
        },
        {
          name: "edit",
          decision: () => ({ type: "edit", text: "Done: your subscription ends today." }),
          expect: { status: "bot", reply: () => "Done: your subscription ends today." },
        },
        {
          name: "choose",
          decision: (alternative) => ({ type: "choose", draftId: alternative }),
          expect: { status: "bot", reply: (_d, alt) => alt },
        },
        {
          name: "guide",
          decision: () => ({ type: "guide", instruction: "Mention the billing period." }),
          expect: { status: "awaiting_approval" },
        },
        {
          name: "reject",
          decision: () => ({ type: "reject", reason: "Needs a person" }),
          expect: { status: "waiting_human" },
        },
        {
          name: "reject with a reply",
          decision: () => ({ type: "reject", reason: "Wrong", replacement: "I have cancelled it for you." }),
          expect: { status: "bot", reply: () => "I have cancelled it for you." },
        },
        { name: "takeover", decision: () => ({ type: "takeover" }), expect: { status: "human" } },
      ];
      const recorded = [];
      for (const kind of approvals) {
        const { customer, review } = await pendingApproval(first);
        const alternative = review.packet.alternatives[0];
        if (!alternative) throw new Error("the offline answerer offers alternatives for this question");
        // The decision reaches the store; the process dies before the graph resumes.
        const decided = await first.platform.store.reviews.decide(
          review.id,
          ["pending"],
          kind.decision(alternative.id),
          agent.user.id,
        );
        expect(decided?.status).toBe("decided");
        recorded.push({ kind, customer, review, alternative: alternative.text });
      }
      const closings = [];
      for (const outcome of ["handed_back", "resolved"] as const) {
        const { customer, review } = await pendingHandoff(first);
        await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
        await first.platform.store.reviews.decide(review.id, ["claimed"], { type: outcome }, agent.user.id);
        closings.push({ outcome, customer });
      }
      const timedOut = await pendingApproval(first);
      clock.advanceMinutes(31);

      const second = await restart(first, open, { clock });
      for (const { kind, customer, review, alternative } of recorded) {
        expect(await statusOf(second, customer.conversationId), kind.name).toBe(kind.expect.status);
        const sent = (await replies(second, customer)).map((m) => m.text);
        const reply = kind.expect.reply;
        expect(sent, kind.name).toEqual(reply ? [reply(review.packet.draft.text, alternative)] : []);
        const open = (await reviewsOf(second, customer.conversationId)).filter((r) => r.status !== "decided");
        expect(
          open.map((r) => r.kind),
          kind.name,
        ).toEqual(
          kind.expect.status === "bot"
            ? []
            : [kind.expect.status === "awaiting_approval" ? "approval" : "handoff"],
        );
      }
      for (const { outcome, customer } of closings) {
        expect(await statusOf(second, customer.conversationId)).toBe(
          outcome === "resolved" ? "resolved" : "bot",
        );
        const again = await connectCustomer(second, customer);
        const notices = (await customerTranscript(again)).filter((m) => m.clientId?.endsWith(`:${outcome}`));
        expect(notices).toHaveLength(1);
      }
      expect(await statusOf(second, timedOut.customer.conversationId)).toBe("waiting_human");
      expect(await second.platform.store.reviews.listUnapplied(clock.now().toISOString(), 10)).toEqual([]);

      // And nothing more happens on the process after that one.
      const third = await restart(second, open, { clock });
      for (const { kind, customer } of recorded)
        expect((await replies(third, customer)).length, kind.name).toBeLessThanOrEqual(1);
    },
  );

  it(
    "a conversation in every state of the lifecycle is in the same state after a restart, and carries on",
    { timeout: 120_000 },
    async () => {
      const open = reopenable();
      const first = await start(open);
      const agent = await connectAgent(first);
      const inBot = await connectCustomer(first);
      await first.platform.conversations.receiveCustomerMessage(inBot.conversationId, {
        clientId: "q1",
        text: "How long does standard delivery take?",
      });
      const awaiting = await pendingApproval(first);
      const waiting = await pendingHandoff(first);
      const withPerson = await pendingHandoff(first);
      await agent.socket.emitWithAck("handoff:claim", { reviewId: withPerson.review.id });
      const resolved = await pendingHandoff(first);
      await agent.socket.emitWithAck("handoff:claim", { reviewId: resolved.review.id });
      await agent.socket.emitWithAck("handoff:release", {
        conversationId: resolved.customer.conversationId,
        outcome: "resolved",
      });
      await first.platform.conversations.idle();
      const states = [
        [inBot.conversationId, "bot"],
        [awaiting.customer.conversationId, "awaiting_approval"],
        [waiting.customer.conversationId, "waiting_human"],
        [withPerson.customer.conversationId, "human"],
        [resolved.customer.conversationId, "resolved"],
      ] as const;
      for (const [id, status] of states) expect(await statusOf(first, id)).toBe(status);

      const second = await restart(first, open);
      for (const [id, status] of states) expect(await statusOf(second, id), status).toBe(status);
      const agent2 = await connectAgent(second);
      const act = async (event: "review:decide" | "handoff:claim", reviewId: string) => {
        const ack =
          event === "review:decide"
            ? await agent2.socket.emitWithAck(event, { reviewId, decision: { type: "approve" } })
            : await agent2.socket.emitWithAck(event, { reviewId });
        expect(ack.ok).toBe(true);
      };
      await second.platform.conversations.receiveCustomerMessage(inBot.conversationId, {
        clientId: "q2",
        text: "Do you ship to the UK?",
      });
      await act("review:decide", awaiting.review.id);
      await act("handoff:claim", waiting.review.id);
      const back = await agent2.socket.emitWithAck("handoff:release", {
        conversationId: withPerson.customer.conversationId,
        outcome: "handed_back",
      });
      expect(back.ok).toBe(true);
      await second.platform.conversations.receiveCustomerMessage(resolved.customer.conversationId, {
        clientId: "again",
        text: "How long does standard delivery take?",
      });
      await second.platform.conversations.idle();
      expect(await statusOf(second, inBot.conversationId)).toBe("bot");
      expect((await replies(second, inBot)).filter((m) => m.author === "bot")).toHaveLength(2);
      expect(await statusOf(second, awaiting.customer.conversationId)).toBe("bot");
      expect((await replies(second, awaiting.customer)).map((m) => m.text)).toEqual([
        awaiting.review.packet.draft.text,
      ]);
      expect(await statusOf(second, waiting.customer.conversationId)).toBe("human");
      expect(await statusOf(second, withPerson.customer.conversationId)).toBe("bot");
      expect(await statusOf(second, resolved.customer.conversationId)).toBe("bot");
      expect((await replies(second, resolved.customer)).filter((m) => m.author === "bot")).toHaveLength(1);
    },
  );
});
