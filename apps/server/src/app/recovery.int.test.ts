import { afterEach, describe, expect, it } from "vitest";
import {
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextMessage,
  pendingApproval,
  startTestServer,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

describe("recovery after a crash", () => {
  it("a pause opened just before the process died, before its checkpoint was saved, can still be decided", async () => {
    const first = await startTestServer();
    const { customer, review } = await pendingApproval(first);
    // Message runs save their checkpoint when they pause or end, and then mark their message routed;
    // this is a crash just before both.
    await first.platform.checkpointer.deleteThread(review.threadId);
    await first.platform.store.messages.setHandling(customer.conversationId, {
      from: ["routed"],
      to: "queued",
    });
    await first.stopKeepingData();

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    expect((await second.platform.store.reviews.get(review.id))?.status).toBe("pending");
    const routed = await second.platform.store.audit.list({
      conversationId: customer.conversationId,
      action: "message.routed",
      limit: 10,
    });
    expect(routed).toHaveLength(1);
    const agent = await connectAgent(second);
    const again = await connectCustomer(second, customer);
    const reply = nextMessage(again.socket, (m) => m.author === "bot");
    const decided = await agent.socket.emitWithAck("review:decide", {
      reviewId: review.id,
      decision: { type: "approve" },
    });
    expect(decided.ok).toBe(true);
    expect((await reply).text).toBe(review.packet.draft.text);
    const bot = (await customerTranscript(again)).filter((m) => m.author === "bot");
    expect(bot.map((m) => m.text)).toEqual([review.packet.draft.text]);
  });

  it("a customer message stored just before the process died is answered by the next process, once", async () => {
    const first = await startTestServer();
    const customer = await connectCustomer(first);
    // Stored through the store directly: the process "dies" before the graph ever runs.
    await first.platform.store.messages.append({
      conversationId: customer.conversationId,
      clientId: "lost-1",
      author: "customer",
      authorName: null,
      text: "How long does standard delivery take?",
      sources: [],
      internal: false,
    });
    await first.stopKeepingData();

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    const again = await connectCustomer(second, customer);
    const transcript = await customerTranscript(again);
    expect(transcript.map((m) => m.author)).toEqual(["customer", "bot"]);
    expect(transcript[1]?.text).toMatch(/2 to 4 business days/);

    await second.stopKeepingData();
    const third = await startTestServer({ dataDir: first.dataDir });
    servers.push(third);
    const once = await connectCustomer(third, customer);
    expect((await customerTranscript(once)).map((m) => m.author)).toEqual(["customer", "bot"]);
  });

  it("a decision recorded just before the process died is applied by the next process", async () => {
    const first = await startTestServer();
    const { customer, review } = await pendingApproval(first);
    // The decision reaches the store, then the process "dies" before the graph resumes.
    await first.platform.store.reviews.decide(review.id, ["pending"], { type: "approve" }, null);
    await first.stopKeepingData();

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    const again = await connectCustomer(second, customer);
    const bot = (await customerTranscript(again)).filter((m) => m.author === "bot");
    expect(bot.map((m) => m.text)).toEqual([review.packet.draft.text]);
    expect((await second.platform.store.conversations.get(customer.conversationId))?.status).toBe("bot");
  });
});
