import { afterEach, describe, expect, it } from "vitest";
import {
  connectCustomer,
  customerTranscript,
  pendingApproval,
  startTestServer,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

describe("recovery after a crash", () => {
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
    const again = await connectCustomer(second, {
      token: customer.token,
      conversationId: customer.conversationId,
    });
    const transcript = await customerTranscript(again);
    expect(transcript.map((m) => m.author)).toEqual(["customer", "bot"]);
    expect(transcript[1]?.text).toMatch(/2 to 4 business days/);

    await second.stopKeepingData();
    const third = await startTestServer({ dataDir: first.dataDir });
    servers.push(third);
    const once = await connectCustomer(third, {
      token: customer.token,
      conversationId: customer.conversationId,
    });
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
    const again = await connectCustomer(second, {
      token: customer.token,
      conversationId: customer.conversationId,
    });
    const bot = (await customerTranscript(again)).filter((m) => m.author === "bot");
    expect(bot.map((m) => m.text)).toEqual([review.packet.draft.text]);
    expect((await second.platform.store.conversations.get(customer.conversationId))?.status).toBe("bot");
  });
});
