import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Metrics, VisitorSession } from "@handoff/contracts";
import {
  api,
  connectAgent,
  connectCustomer,
  nextMessage,
  nextReview,
  pendingHandoff,
  startTestServer,
  SUPERVISOR,
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

  it("an agent's answer to a thumbed-down bot answer becomes one correction of that answer", async () => {
    const server = await start();
    const customer = await connectCustomer(server);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot");
    const question = "How long does standard delivery take?";
    await customer.socket.emitWithAck("message:send", { clientId: "q", text: question });
    const answer = await reply;
    await customer.socket.emitWithAck("feedback:rate", { messageId: answer.id, rating: "down" });
    const agent = await connectAgent(server);
    const raised = nextReview(
      agent.socket,
      "review:created",
      (r) => r.conversationId === customer.conversationId,
    );
    await customer.socket.emitWithAck("handoff:request", {});
    const review = await raised;
    await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
    for (const clientId of ["a1", "a1"]) {
      await agent.socket.emitWithAck("message:send", {
        conversationId: customer.conversationId,
        clientId,
        text: "Standard delivery takes 2 to 4 working days from dispatch.",
        internal: false,
      });
    }
    const corrections = await server.platform.store.corrections.list({ limit: 10 });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      question,
      draft: answer.text,
      answer: "Standard delivery takes 2 to 4 working days from dispatch.",
      reason: "thumbs_down",
      status: "pending",
    });
  });

  it("customer ratings and thumbs are counted on the dashboard", async () => {
    const server = await start();
    const customer = await connectCustomer(server);
    const reply = nextMessage(customer.socket, (m) => m.author === "bot");
    await customer.socket.emitWithAck("message:send", {
      clientId: "q",
      text: "How long does standard delivery take?",
    });
    await customer.socket.emitWithAck("feedback:rate", { messageId: (await reply).id, rating: "up" });
    for (const score of [5, 3]) {
      const { agent, customer: rated, review } = await pendingHandoff(server);
      await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id });
      await agent.socket.emitWithAck("handoff:release", {
        conversationId: rated.conversationId,
        outcome: "resolved",
      });
      await rated.socket.emitWithAck("conversation:rate", { score });
    }
    const login = await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR);
    const metrics = (
      await api<{ metrics: Metrics }>(server, "GET", "/api/metrics", undefined, login.body.token)
    ).body.metrics;
    expect(metrics.ratings).toEqual({
      count: 2,
      average: 4,
      distribution: [0, 0, 1, 0, 1],
      thumbsUp: 1,
      thumbsDown: 0,
    });
    expect(metrics.daily.reduce((n, d) => n + d.messages, 0)).toBe(metrics.messages);
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
      opened.ok &&
        opened.data.messages.some(
          (m) => m.internal && m.notice?.kind === "contact.left" && m.notice.email === "ada@example.com",
        ),
    ).toBe(true);
    const mine = await customer.socket.emitWithAck("messages:sync", { since: 0 });
    if (!mine.ok) throw new Error("messages:sync failed");
    // The customer's transcript holds no trace of the agents' note.
    expect(JSON.stringify(mine.data.messages)).not.toContain("ada@example.com");
  });

  it("a waiting customer is told their place in the queue", async () => {
    const server = await start();
    await pendingHandoff(server);
    const second = await connectCustomer(server);
    const position = new Promise((resolve) => second.socket.on("queue:position", resolve));
    await second.socket.emitWithAck("handoff:request", {});
    expect(await position).toMatchObject({ conversationId: second.conversationId, position: 2 });
  });

  it("a waiting customer is told their place again only when it changes", async () => {
    const server = await start();
    const agent = await connectAgent(server);
    const told: unknown[] = [];
    const first = await connectCustomer(server, undefined, (socket) =>
      socket.on("queue:position", (p) => told.push(p)),
    );
    const firstPlace = new Promise((resolve) => first.socket.once("queue:position", resolve));
    await first.socket.emitWithAck("handoff:request", {});
    expect(await firstPlace).toMatchObject({ position: 1 });

    const second = await connectCustomer(server);
    const secondPlace = new Promise((resolve) => second.socket.once("queue:position", resolve));
    await second.socket.emitWithAck("handoff:request", {});
    expect(await secondPlace).toMatchObject({ position: 2 });
    const moved = new Promise((resolve) => second.socket.once("queue:position", resolve));
    const review = nextReview(
      agent.socket,
      "review:updated",
      (r) => r.conversationId === first.conversationId,
    );
    const [firstHandoff] = (
      await server.platform.store.reviews.listByConversation(first.conversationId)
    ).filter((r) => r.kind === "handoff");
    if (!firstHandoff) throw new Error("the first customer has no handoff");
    await agent.socket.emitWithAck("handoff:claim", { reviewId: firstHandoff.id });
    await review;
    // The queue changed twice behind or around the first customer; their place (1) never did.
    expect(await moved).toMatchObject({ conversationId: second.conversationId, position: 1 });
    await first.socket.emitWithAck("messages:sync", { since: 0 });
    expect(told).toEqual([expect.objectContaining({ conversationId: first.conversationId, position: 1 })]);
  });

  it("a waiting customer who comes back is told their place at once; one the bot is helping is told nothing", async () => {
    const server = await start();
    const { customer } = await pendingHandoff(server);
    const helped = await connectCustomer(server);
    customer.socket.disconnect();
    helped.socket.disconnect();

    let place: Promise<unknown> = Promise.resolve(null);
    await connectCustomer(server, customer, (socket) => {
      place = new Promise((resolve) => socket.once("queue:position", resolve));
    });
    expect(await place).toMatchObject({ conversationId: customer.conversationId, position: 1 });

    const told: unknown[] = [];
    const again = await connectCustomer(server, helped, (socket) =>
      socket.on("queue:position", (p) => told.push(p)),
    );
    // A round trip on the same socket: anything the server sent on connect has arrived by its answer.
    await again.socket.emitWithAck("messages:sync", { since: 0 });
    expect(told).toEqual([]);
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
