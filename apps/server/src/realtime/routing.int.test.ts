import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Conversation, type Message } from "@handoff/contracts";
import {
  connectAgent,
  connectCustomer,
  nextMessage,
  nextConversation,
  nextReview,
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

const botReply = (m: Message) => m.author === "bot";

describe("routing a customer message", () => {
  it("a question the help center answers is answered at once, citing its article", async () => {
    const customer = await connectCustomer(server);
    const reply = nextMessage(customer.socket, botReply);
    const ack = await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "How long does standard delivery take?",
    });
    expect(ack.ok).toBe(true);
    const message = await reply;
    expect(message.text).toMatch(/2 to 4 business days/);
    expect(message.sources.map((s) => [s.id, s.url])).toContainEqual(["shipping", "/#help-shipping"]);
  });

  it("a request to cancel a subscription pauses for an agent instead of being answered", async () => {
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const created = nextReview(agent.socket, "review:created");
    const status = nextConversation(customer.socket, (c) => c.status === "awaiting_approval");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "Please cancel my subscription today.",
    });
    const review = await created;
    expect(review.kind).toBe("approval");
    if (review.kind !== "approval") return;
    expect(review.packet.riskFlags.map((f) => f.category)).toContain("cancellation");
    expect(review.packet.question).toBe("Please cancel my subscription today.");
    expect(review.packet.confidence.parts).toHaveProperty("retrieval");
    expect((await status).status).toBe("awaiting_approval");
    const transcript = await customer.socket.emitWithAck("messages:sync", { since: 0 });
    expect(transcript.ok && transcript.data.messages.filter(botReply)).toEqual([]);
  });

  it("asking for a person hands the conversation to the human queue with a handoff packet", async () => {
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const created = nextReview(agent.socket, "review:created");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "I want to talk to a real person.",
    });
    const review = await created;
    expect(review.kind).toBe("handoff");
    if (review.kind !== "handoff") return;
    expect(review.packet.routeReason).toBe("human_request");
    expect(review.packet.summary).toContain("I want to talk to a real person.");
    const conversation = await agent.socket.emitWithAck("conversation:open", {
      conversationId: customer.conversationId,
    });
    expect(conversation.ok && conversation.data.conversation.status).toBe("waiting_human");
  });

  it("the widget's ask-for-a-person button hands over even without a message", async () => {
    const agent = await connectAgent(server);
    const customer = await connectCustomer(server);
    const created = nextReview(agent.socket, "review:created");
    const ack = await customer.socket.emitWithAck("handoff:request", {});
    expect(ack.ok && ack.data.conversation.status).toBe("waiting_human");
    expect((await created).kind).toBe("handoff");
  });

  it("a follow-up is understood in the context of the previous question", async () => {
    const customer = await connectCustomer(server);
    const first = nextMessage(customer.socket, botReply);
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "Do you ship outside the US?",
    });
    await first;
    const second = nextMessage(customer.socket, (m) => m.author === "bot" && m.seq > 2);
    await customer.socket.emitWithAck("message:send", { clientId: "c2", text: "and to the UK?" });
    const answer = await second;
    expect(answer.sources.map((s) => s.id)).toEqual(["international-shipping"]);
    expect(answer.text).toMatch(/UK/);
  });

  it("the widget hears of the chat's state changes, not of every message's bump", async () => {
    const customer = await connectCustomer(server);
    const pushed: string[] = [];
    customer.socket.onAny((event: string, payload: unknown) => {
      if (event === "conversation:updated") pushed.push(Conversation.parse(payload).status);
    });
    const answered = nextMessage(customer.socket, botReply);
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "How long does standard delivery take?",
    });
    await answered;
    const held = nextConversation(customer.socket, (c) => c.status === "awaiting_approval");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c2",
      text: "Please cancel my subscription today.",
    });
    await held;
    expect(pushed).toEqual(["awaiting_approval"]);
  });
});
