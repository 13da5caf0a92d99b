import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectAgent,
  customerTranscript,
  nextMessage,
  nextConversation,
  nextReview,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.dispose();
});

describe("a live handoff", () => {
  it("two agents claim one handoff: exactly one wins and the other sees who took it", async () => {
    const { agent, review } = await pendingHandoff(server);
    const other = await connectAgent(server, SUPERVISOR);
    const seenByOther = nextReview(
      other.socket,
      "review:updated",
      (r) => r.id === review.id && r.status === "claimed",
    );
    const [a, b] = await Promise.all([
      agent.socket.emitWithAck("handoff:claim", { reviewId: review.id }),
      other.socket.emitWithAck("handoff:claim", { reviewId: review.id }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    const winner = a.ok ? agent : other;
    expect(!loser.ok && loser.error.code).toBe("conflict");
    expect(!loser.ok && loser.error.message).toContain(winner.user.name);
    expect((await seenByOther).assigneeName).toBe(winner.user.name);
  });

  it("agent and customer chat both ways, internal notes stay internal, and a hand back returns the chat to the bot", async () => {
    const { agent, customer, review } = await pendingHandoff(server);
    await agent.socket.emitWithAck("conversation:open", { conversationId: customer.conversationId });
    const joined = nextConversation(customer.socket, (c) => c.status === "human");
    expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
    expect((await joined).assigneeName).toBe(agent.user.name);

    const toCustomer = nextMessage(customer.socket, (m) => m.author === "agent");
    await agent.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "a1",
      text: "Hi, how can I help?",
    });
    expect((await toCustomer).text).toBe("Hi, how can I help?");

    const toAgent = nextMessage(
      agent.socket,
      (m) => m.author === "customer" && m.text === "My order is late.",
    );
    await customer.socket.emitWithAck("message:send", { clientId: "c2", text: "My order is late." });
    await toAgent;
    await server.platform.conversations.idle();
    expect((await customerTranscript(customer)).filter((m) => m.author === "bot")).toHaveLength(0);

    await agent.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "n1",
      text: "internal: check the courier",
      internal: true,
    });

    const back = nextConversation(customer.socket, (c) => c.status === "bot");
    const release = await agent.socket.emitWithAck("handoff:release", {
      conversationId: customer.conversationId,
      outcome: "handed_back",
    });
    expect(release.ok && release.data.conversation.status).toBe("bot");
    await back;
    const texts = (await customerTranscript(customer)).map((m) => m.text);
    expect(texts).not.toContain("internal: check the courier");

    const answer = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "c3",
      text: "How long does standard delivery take?",
    });
    expect((await answer).text).toMatch(/business days/);
  });

  it("resolving ends the conversation and the audit log records who did what", async () => {
    const { agent, customer, review } = await pendingHandoff(server);
    await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
    const resolved = nextConversation(customer.socket, (c) => c.status === "resolved");
    await agent.socket.emitWithAck("handoff:release", {
      conversationId: customer.conversationId,
      outcome: "resolved",
    });
    await resolved;
    const audit = await server.platform.store.audit.list({
      conversationId: customer.conversationId,
      limit: 50,
    });
    const actions = audit.map((e) => `${e.action}:${e.actor.name ?? e.actor.type}`);
    expect(actions).toContain(`handoff.claimed:${agent.user.name}`);
    expect(actions).toContain(`handoff.released:${agent.user.name}`);
  });

  it("an agent cannot reply before claiming, and nothing is stored", async () => {
    const { agent, customer } = await pendingHandoff(server);
    const before = await customerTranscript(customer);
    const ack = await agent.socket.emitWithAck("message:send", {
      conversationId: customer.conversationId,
      clientId: "x",
      text: "hello",
    });
    expect(!ack.ok && ack.error.code).toBe("illegal_transition");
    expect(await customerTranscript(customer)).toEqual(before);
  });
});
