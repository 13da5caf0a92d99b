import { describe, expect, it } from "vitest";
import type { Message } from "@handoff/contracts";
import {
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextReview,
  pendingApproval,
  storeVariants,
} from "../testing";
import { storeRestarts } from "../testing/store-restarts";
import { useTestServers } from "../testing/test-servers";

const { start, restart } = storeRestarts(useTestServers());

/** The bot's automatic answer to the customer message `asked`, if it sent one. */
const autoAnswerTo = (transcript: Message[], asked: Message | undefined) =>
  transcript.find((m) => asked && m.clientId === `${asked.conversationId}:${asked.seq}:auto`);

describe.each(storeVariants("waiting_messages"))(
  "questions asked while a draft waits, on $name",
  ({ reopenable }) => {
    it(
      "a second question asked while a request waits is routed on its own after a guide and an approval",
      { timeout: 60_000 },
      async () => {
        const server = await start(reopenable());
        const { agent, customer, review } = await pendingApproval(server, "Please cancel my order 9911");
        const asked = await customer.socket.emitWithAck("message:send", {
          clientId: "q2",
          text: "Also, which payment methods do you accept?",
        });
        if (!asked.ok) throw new Error(asked.error.message);
        const redrafted = nextReview(agent.socket, "review:created", (r) => r.id !== review.id);
        await agent.socket.emitWithAck("review:decide", {
          reviewId: review.id,
          decision: { type: "guide", instruction: "Confirm the order number back to the customer." },
        });
        const second = await redrafted;
        await agent.socket.emitWithAck("review:decide", {
          reviewId: second.id,
          decision: { type: "approve" },
        });
        await server.platform.conversations.idle();

        const transcript = await customerTranscript(customer);
        expect(transcript.filter((m) => m.author === "bot").map((m) => m.clientId)).toEqual([
          `${second.id}:reply`,
          `${customer.conversationId}:${asked.data.message.seq}:auto`,
        ]);
        expect(autoAnswerTo(transcript, asked.data.message)?.text).toMatch(/card|PayPal|pay/i);
        const inbox = await agent.socket.emitWithAck("inbox:list", {});
        expect(
          inbox.ok && inbox.data.reviews.filter((r) => r.conversationId === customer.conversationId),
        ).toEqual([]);
      },
    );

    it(
      "a follow-up asked while a refund waits is answered from the help center, not folded into the refund",
      { timeout: 60_000 },
      async () => {
        const server = await start(reopenable());
        const { agent, customer, review } = await pendingApproval(
          server,
          "I want a refund for my order 5521",
        );
        const asked = await customer.socket.emitWithAck("message:send", {
          clientId: "q2",
          text: "Also, do you ship to the UK?",
        });
        if (!asked.ok) throw new Error(asked.error.message);
        await agent.socket.emitWithAck("review:decide", {
          reviewId: review.id,
          decision: { type: "approve" },
        });
        await server.platform.conversations.idle();

        const transcript = await customerTranscript(customer);
        expect(autoAnswerTo(transcript, asked.data.message)?.text).toMatch(/UK/);
        expect(await server.platform.store.reviews.listByConversation(customer.conversationId)).toHaveLength(
          1,
        );
      },
    );

    it(
      "after a restart with an approval pending, what the customer wrote while waiting never gets the approved reply again",
      { timeout: 60_000 },
      async () => {
        const open = reopenable();
        const first = await start(open);
        const { customer, review } = await pendingApproval(first, "I want a refund for my order 5521");
        for (const [clientId, text] of [
          ["q2", "hello? are you still there?"],
          ["q3", "I want a refund for my order 5521"],
        ] as const) {
          await customer.socket.emitWithAck("message:send", { clientId, text });
        }
        await first.platform.conversations.idle();
        const second = await restart(first, open);
        const agent = await connectAgent(second);
        await agent.socket.emitWithAck("review:decide", {
          reviewId: review.id,
          decision: { type: "approve" },
        });
        await second.platform.conversations.idle();
        // An agent who trusts the bot approves whatever it drafts next.
        for (let round = 0; round < 5; round++) {
          const pending = (
            await second.platform.store.reviews.listByConversation(customer.conversationId)
          ).filter((r) => r.kind === "approval" && r.status === "pending");
          if (pending.length === 0) break;
          for (const r of pending)
            await agent.socket.emitWithAck("review:decide", {
              reviewId: r.id,
              decision: { type: "approve" },
            });
          await second.platform.conversations.idle();
        }
        const again = await connectCustomer(second, customer);
        const transcript = await customerTranscript(again);
        expect(transcript.filter((m) => m.text === review.packet.draft.text)).toHaveLength(1);
        // Both later messages were dealt with: answered, or with a person who sees them.
        const conversation = await second.platform.store.conversations.get(customer.conversationId);
        expect(await second.platform.store.messages.listWaiting(customer.conversationId)).toEqual([]);
        expect(conversation?.status).toBe("waiting_human");
      },
    );
  },
);
