import { afterEach, describe, expect, it } from "vitest";
import { messageText } from "@handoff/contracts";
import {
  api,
  connectCustomer,
  customerTranscript,
  movableClock,
  pendingApproval,
  startTestServer,
  SUPERVISOR,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

describe("deadlines", () => {
  it("a draft nobody approved in time is escalated to the human queue after a restart, and the customer is told", async () => {
    const clock = movableClock();
    const first = await startTestServer({ overrides: { clock } });
    const { customer, review } = await pendingApproval(first);
    await first.stopKeepingData();

    clock.advanceMinutes(31);
    const second = await startTestServer({ dataDir: first.dataDir, overrides: { clock } });
    servers.push(second);
    const after = await second.platform.store.reviews.get(review.id);
    expect(after?.status).toBe("decided");
    expect(after?.decidedBy).toBeNull();
    const conversation = await second.platform.store.conversations.get(customer.conversationId);
    expect(conversation?.status).toBe("waiting_human");
    const handoff = (await second.platform.store.reviews.listByConversation(customer.conversationId)).find(
      (r) => r.kind === "handoff",
    );
    expect(handoff?.kind === "handoff" && handoff.packet.routeReason).toBe("timeout");
    const again = await connectCustomer(second, customer);
    const texts = (await customerTranscript(again)).map((m) => messageText(m, "en"));
    expect(texts.some((t) => /passing your conversation to our team/.test(t))).toBe(true);
    expect(texts).not.toContain(review.packet.draft.text);
  });

  it("with auto-send for a soft-gate category, a low-risk draft is sent when its review times out", async () => {
    const clock = movableClock();
    const server = await startTestServer({ overrides: { clock } });
    servers.push(server);
    const login = await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR);
    // Every draft goes to review, so a plain question waits for approval.
    await api(
      server,
      "PUT",
      "/api/settings",
      {
        thresholds: { auto: 0.99, review: 0.1 },
        approvalTimeoutPolicy: "auto_send",
        softGateCategories: ["shipping"],
      },
      login.body.token,
    );
    const { customer, review } = await pendingApproval(server, "How long does standard delivery take?");
    expect(review.packet.riskFlags).toEqual([]);
    clock.advanceMinutes(31);
    expect(await server.platform.conversations.applyDueDeadlines()).toBe(1);
    const bot = (await customerTranscript(customer)).filter((m) => m.author === "bot");
    expect(bot.map((m) => m.text)).toEqual([review.packet.draft.text]);
    expect(await server.platform.conversations.applyDueDeadlines()).toBe(0);
  });

  it("a handoff nobody claimed in time tells the customer once that they can leave an email", async () => {
    const clock = movableClock();
    const server = await startTestServer({ overrides: { clock } });
    servers.push(server);
    const customer = await connectCustomer(server);
    await customer.socket.emitWithAck("handoff:request", {});
    clock.advanceMinutes(16);
    await server.platform.conversations.applyDueDeadlines();
    await server.platform.conversations.applyDueDeadlines();
    const notices = (await customerTranscript(customer)).filter((m) =>
      /Leave your email/.test(messageText(m, "en")),
    );
    expect(notices).toHaveLength(1);
  });
});
