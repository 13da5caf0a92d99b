import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { VisitorSession } from "@handoff/contracts";
import {
  api,
  connectAgent,
  connectCustomer,
  nextMessage,
  pendingHandoff,
  startTestServer,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});
const start = async (env?: Record<string, string>) => {
  const server = await startTestServer({ env });
  servers.push(server);
  return server;
};

describe("what the customer tells us", () => {
  it("a thumbs-down on a bot answer is recorded; a rating for someone else's message is refused", async () => {
    const server = await start();
    const customer = await connectCustomer(server);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "q",
      text: "How long does standard delivery take?",
    });
    const answer = await reply;
    expect(
      (await customer.socket.emitWithAck("feedback:rate", { messageId: answer.id, rating: "down" })).ok,
    ).toBe(true);
    const other = await connectCustomer(server);
    const refused = await other.socket.emitWithAck("feedback:rate", { messageId: answer.id, rating: "up" });
    expect(!refused.ok && refused.error.code).toBe("not_found");
    const rated = await server.platform.store.audit.list({ action: "message.rated", limit: 5 });
    expect(rated.map((e) => e.details.rating)).toEqual(["down"]);
  });

  it("a conversation can be rated once resolved, not before", async () => {
    const server = await start();
    const { agent, customer, review } = await pendingHandoff(server);
    expect((await customer.socket.emitWithAck("conversation:rate", { score: 5 })).ok).toBe(false);
    await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
    await agent.socket.emitWithAck("handoff:release", {
      conversationId: customer.conversationId,
      outcome: "resolved",
    });
    expect((await customer.socket.emitWithAck("conversation:rate", { score: 4, comment: "quick" })).ok).toBe(
      true,
    );
  });

  it("an email left by a waiting customer reaches agents as an internal note and never the customer", async () => {
    const server = await start();
    const { customer } = await pendingHandoff(server);
    const agent = await connectAgent(server);
    expect((await customer.socket.emitWithAck("contact:leave", { email: "ada@example.com" })).ok).toBe(true);
    const opened = await agent.socket.emitWithAck("conversation:open", {
      conversationId: customer.conversationId,
    });
    expect(opened.ok && opened.data.conversation.customer.email).toBe("ada@example.com");
    expect(
      opened.ok && opened.data.messages.some((m) => m.internal && m.text.includes("ada@example.com")),
    ).toBe(true);
    const mine = await customer.socket.emitWithAck("messages:sync", { since: 0 });
    expect(mine.ok && mine.data.messages.some((m) => m.text.includes("ada@example.com"))).toBe(false);
  });

  it("a waiting customer is told their place in the queue", async () => {
    const server = await start();
    await pendingHandoff(server);
    const second = await connectCustomer(server);
    const position = new Promise((resolve) => second.socket.on("queue:position", resolve));
    await second.socket.emitWithAck("handoff:request", {});
    expect(await position).toMatchObject({ conversationId: second.conversationId, position: 2 });
  });

  it("identify() only takes a user id signed by the site's secret", async () => {
    const secret = "a-site-secret-of-some-length";
    const server = await start({ WIDGET_IDENTITY_SECRET: secret });
    const signature = createHmac("sha256", secret).update("user-42").digest("hex");
    const good = await api<VisitorSession>(server, "POST", "/api/visitor", {
      identity: { userId: "user-42", signature },
    });
    expect(good.body.identified).toBe(true);
    const stored = await server.platform.store.conversations.get(good.body.conversationId);
    expect(stored?.customer.externalId).toBe("user-42");
    const forged = await api(server, "POST", "/api/visitor", { identity: { userId: "user-43", signature } });
    expect(forged.status).toBe(401);
    const unsigned = await api<VisitorSession>(server, "POST", "/api/visitor", {
      customer: { externalId: "user-42" },
    });
    const anonymous = await server.platform.store.conversations.get(unsigned.body.conversationId);
    expect(anonymous?.customer.externalId).toBeUndefined();
  });
});
