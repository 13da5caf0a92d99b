import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Message } from "@handoff/contracts";
import {
  customerTranscript,
  nextMessage,
  nextConversation,
  nextReview,
  pendingApproval,
  startTestServer,
  type TestServer,
} from "../testing";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.dispose();
});

const replies = (messages: Message[]) => messages.filter((m) => m.author === "bot" || m.author === "agent");

describe("deciding a pending draft", () => {
  it("an approved draft reaches the customer exactly as drafted and the bot takes the chat back", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const delivered = nextMessage(customer.socket, (m) => m.author === "bot");
    const back = nextConversation(customer.socket, (c) => c.status === "bot");
    const ack = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(ack.ok).toBe(true);
    expect((await delivered).text).toBe(review.packet.draft.text);
    await back;
  });

  it("approving the same review twice sends one reply", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const [first, second] = await Promise.all([
      agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } }),
      agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "approve" } }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const refused = first.ok ? second : first;
    expect(!refused.ok && refused.error.code).toBe("conflict");
    await server.platform.conversations.idle();
    expect(replies(await customerTranscript(customer))).toHaveLength(1);
  });

  it("an edited draft sends the agent's text under the agent's name and becomes one pending correction", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const delivered = nextMessage(customer.socket, (m) => m.author === "agent");
    const text = "I have cancelled your subscription; no further bags will be roasted for you.";
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "edit", text },
    });
    const message = await delivered;
    expect(message.text).toBe(text);
    expect(message.authorName).toBe(agent.user.name);
    const corrections = await server.platform.store.corrections.list({ status: "pending", limit: 10 });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      question: review.packet.question,
      answer: text,
      draft: review.packet.draft.text,
    });
  });

  it("choosing an alternative sends that alternative", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const alternative = review.packet.alternatives[0];
    expect(alternative, "the offline answerer offers alternatives for this question").toBeDefined();
    if (!alternative) return;
    const delivered = nextMessage(customer.socket, (m) => m.author === "bot");
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "choose", draftId: alternative.id },
    });
    expect((await delivered).text).toBe(alternative.text);
  });

  it("choosing a draft the review does not have is refused and changes nothing", async () => {
    const { agent, review } = await pendingApproval(server);
    const ack = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "choose", draftId: "nope" },
    });
    expect(!ack.ok && ack.error.code).toBe("bad_request");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
  });

  it("guidance makes the bot redraft, and the redraft comes back for approval", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const redraft = nextReview(agent.socket, "review:created", (r) => r.id !== review.id);
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: {
        type: "guide",
        instruction: "Mention that they can also pause or skip a delivery instead.",
      },
    });
    const next = await redraft;
    expect(next.kind).toBe("approval");
    if (next.kind !== "approval") return;
    expect(next.packet.guidance).toEqual(["Mention that they can also pause or skip a delivery instead."]);
    expect(replies(await customerTranscript(customer))).toHaveLength(0);
  });

  it("a rejected draft is never sent; the agent's replacement is", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const delivered = nextMessage(customer.socket, (m) => m.author === "agent");
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: {
        type: "reject",
        reason: "wrong policy",
        replacement: "Done: your subscription is cancelled.",
      },
    });
    expect((await delivered).text).toBe("Done: your subscription is cancelled.");
    const texts = (await customerTranscript(customer)).map((m) => m.text);
    expect(texts).not.toContain(review.packet.draft.text);
  });

  it("a rejection without a replacement hands the customer to a person", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const handoff = nextReview(agent.socket, "review:created", (r) => r.kind === "handoff");
    await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "reject", reason: "needs account access" },
    });
    const created = await handoff;
    expect(created.kind === "handoff" && created.packet.failureReason).toContain("needs account access");
    const texts = (await customerTranscript(customer)).map((m) => m.text);
    expect(texts).not.toContain(review.packet.draft.text);
  });

  it("taking over puts the deciding agent in the chat", async () => {
    const { agent, customer, review } = await pendingApproval(server);
    const human = nextConversation(customer.socket, (c) => c.status === "human");
    await agent.socket.emitWithAck("review:decide", { reviewId: review.id, decision: { type: "takeover" } });
    expect((await human).assigneeName).toBe(agent.user.name);
    const ack = await agent.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "a1",
      text: "Hi, I'm on it.",
    });
    expect(ack.ok).toBe(true);
  });

  it("a malformed decision is refused with a clear error and changes nothing", async () => {
    const { agent, review } = await pendingApproval(server);
    const ack = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      // @ts-expect-error: deliberately malformed, as a buggy or hostile client would send
      decision: { type: "reject" },
    });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe("bad_request");
    expect(ack.error.issues?.map((i) => i.path)).toContain("decision.reason");
    expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
    const audit = await server.platform.store.audit.list({ action: "review.decided", limit: 10 });
    expect(audit).toHaveLength(0);
  });
});
