import { afterEach, describe, expect, it } from "vitest";
import { CustomerExport, type CustomerErasure } from "@handoff/contracts";
import {
  AGENT,
  api,
  connectAgent,
  connectCustomer,
  nextReview,
  startTestServer,
  SUPERVISOR,
  storeVariants,
  type TestServer,
} from "../testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

/**
 * A customer with an email whose risky request was edited by an agent (so a correction is drawn
 * from it) and who left a contact note, plus a second customer who must stay untouched.
 */
async function twoCustomers(server: TestServer) {
  const agent = await connectAgent(server);
  const ada = await connectCustomer(
    server,
    (
      await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {
        customer: { name: "Ada", email: "Ada@Example.com" },
      })
    ).body,
  );
  const created = nextReview(agent.socket, "review:created", (r) => r.conversationId === ada.conversationId);
  await ada.socket.emitWithAck("message:send", {
    clientId: "a1",
    text: "Please cancel my subscription today.",
  });
  const review = await created;
  await agent.socket.emitWithAck("review:decide", {
    reviewId: review.id,
    decision: { type: "edit", text: "Done, Ada: your subscription ends today." },
  });
  await ada.socket.emitWithAck("contact:leave", { email: "ada@example.com", note: "call me at 555-0100" });
  const grace = await connectCustomer(
    server,
    (
      await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {
        customer: { name: "Grace", email: "grace@example.com" },
      })
    ).body,
  );
  await grace.socket.emitWithAck("message:send", {
    clientId: "g1",
    text: "How long does standard delivery take?",
  });
  await server.platform.conversations.idle();
  return { ada, grace, review };
}

const token = async (server: TestServer, who: { email: string; password: string }) =>
  (await api<{ token: string }>(server, "POST", "/api/auth/login", who)).body.token;

describe.each(storeVariants("handoff_priv"))("privacy requests on $name", ({ overrides }) => {
  const start = async () => {
    const server = await startTestServer({ overrides: await overrides() });
    servers.push(server);
    return server;
  };

  it("a supervisor exports everything stored about one customer by email, and nothing about anyone else", async () => {
    const server = await start();
    const { ada, grace, review } = await twoCustomers(server);
    const supervisor = await token(server, SUPERVISOR);
    const res = await fetch(`${server.url}/api/privacy/export?email=ada%40example.com`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="?customer-export\.json/);
    const data = CustomerExport.parse(await res.json());
    expect(data.conversations.map((c) => c.id)).toEqual([ada.conversationId]);
    expect(data.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        "Please cancel my subscription today.",
        "Done, Ada: your subscription ends today.",
        expect.stringContaining("555-0100"),
      ]),
    );
    expect(data.reviews.map((r) => r.id)).toEqual([review.id]);
    expect(data.corrections.map((c) => c.answer)).toEqual(["Done, Ada: your subscription ends today."]);
    expect(data.audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["message.routed", "review.decided", "contact.left"]),
    );
    expect(JSON.stringify(data)).not.toContain(grace.conversationId);
    expect(JSON.stringify(data)).not.toContain("grace@example.com");

    // By conversation (the visitor's id) it is the same customer's data.
    const byVisitor = await api<CustomerExport>(
      server,
      "GET",
      `/api/privacy/export?conversationId=${ada.conversationId}`,
      undefined,
      supervisor,
    );
    expect(byVisitor.body.messages).toEqual(data.messages);
    const [audited] = await server.platform.store.audit.list({ action: "customer.exported", limit: 1 });
    expect(audited).toMatchObject({
      actor: { type: "user", name: expect.any(String) },
      details: { by: "conversationId", conversationIds: [ada.conversationId] },
    });
  });

  it("a supervisor erases one customer: their records and the corrections drawn from them go, the erasure is audited", async () => {
    const server = await start();
    const { ada, grace } = await twoCustomers(server);
    const supervisor = await token(server, SUPERVISOR);
    // Approved, so it is also an answer the bot would reuse.
    const [drawn] = await server.platform.store.customerData.listCorrections([ada.conversationId]);
    await api(server, "POST", `/api/corrections/${drawn?.id}/approve`, {}, supervisor);
    expect(
      server.platform.knowledge.index.search("cancel my subscription today").hits.map((h) => h.id),
    ).toContain(drawn?.id);

    const res = await api<{ erased: CustomerErasure }>(
      server,
      "POST",
      "/api/privacy/erase",
      { customer: { email: "ADA@example.com" }, confirm: true },
      supervisor,
    );
    expect(res.status).toBe(200);
    expect(res.body.erased).toMatchObject({ conversations: 1, reviews: 1, corrections: 1 });
    expect(res.body.erased.messages).toBeGreaterThanOrEqual(3);
    expect(res.body.erased.checkpoints).toBeGreaterThan(0);

    expect(
      (await api(server, "GET", `/api/conversations/${ada.conversationId}`, undefined, supervisor)).status,
    ).toBe(404);
    expect(
      (await api(server, "GET", "/api/privacy/export?email=ada@example.com", undefined, supervisor)).status,
    ).toBe(404);
    expect(await server.platform.store.corrections.get(drawn?.id ?? "")).toBeNull();
    expect(
      server.platform.knowledge.index.search("cancel my subscription today").hits.map((h) => h.id),
    ).not.toContain(drawn?.id);
    // The audit log keeps who did what and when, but no longer quotes the customer.
    const remaining = await server.platform.store.audit.list({
      conversationId: ada.conversationId,
      limit: 100,
    });
    expect(remaining.length).toBeGreaterThan(0);
    expect(JSON.stringify(remaining)).not.toMatch(/ada@example\.com|555-0100|Done, Ada/i);
    const [erasure] = await server.platform.store.audit.list({ action: "customer.erased", limit: 1 });
    expect(erasure).toMatchObject({
      actor: { type: "user" },
      details: { by: "email", conversationIds: [ada.conversationId], conversations: 1 },
    });
    expect(JSON.stringify(erasure)).not.toMatch(/ada@example\.com/i);

    // The other customer is untouched, and the erased visitor's token starts afresh.
    const graceData = await api<CustomerExport>(
      server,
      "GET",
      "/api/privacy/export?email=grace@example.com",
      undefined,
      supervisor,
    );
    expect(graceData.body.messages.length).toBeGreaterThanOrEqual(2);
    expect(graceData.body.conversations.map((c) => c.id)).toEqual([grace.conversationId]);
    const fresh = await api<{ conversationId: string }>(server, "POST", "/api/visitor", { token: ada.token });
    expect(fresh.body.conversationId).not.toBe(ada.conversationId);
  });

  it("an erased customer's open widget is cut off and its token opens nothing; consoles drop the conversation", async () => {
    const server = await start();
    const { ada, grace } = await twoCustomers(server);
    const agent = await connectAgent(server);
    const erasedNotice = new Promise((resolve) => agent.socket.once("conversation:erased", resolve));
    const cutOff = new Promise((resolve) => ada.socket.once("disconnect", resolve));

    const res = await api(
      server,
      "POST",
      "/api/privacy/erase",
      { customer: { email: "ada@example.com" }, confirm: true },
      await token(server, SUPERVISOR),
    );
    expect(res.status).toBe(200);
    expect(await cutOff).toBe("io server disconnect");
    expect(await erasedNotice).toEqual({ conversationId: ada.conversationId });

    const refused = new Promise<Error>((resolve) => ada.socket.once("connect_error", resolve));
    ada.socket.connect();
    expect((await refused).message).toMatch(/unauthorized/);
    // The other customer's widget stays connected and working.
    expect(grace.socket.connected).toBe(true);
    const ack = await grace.socket.emitWithAck("messages:sync", { since: 0 });
    expect(ack.ok).toBe(true);
  });

  it("privacy requests are for supervisors only, and a vague or unconfirmed request is refused", async () => {
    const server = await start();
    await twoCustomers(server);
    const agent = await token(server, AGENT);
    const supervisor = await token(server, SUPERVISOR);
    expect(
      (await api(server, "GET", "/api/privacy/export?email=ada@example.com", undefined, agent)).status,
    ).toBe(403);
    const asAgent = await api(
      server,
      "POST",
      "/api/privacy/erase",
      { customer: { email: "ada@example.com" }, confirm: true },
      agent,
    );
    expect(asAgent.status).toBe(403);
    const refusals: unknown[] = [
      { customer: { email: "ada@example.com" } },
      { customer: { email: "ada@example.com" }, confirm: "yes" },
      { customer: {}, confirm: true },
      { customer: { email: "ada@example.com", conversationId: "x" }, confirm: true },
      { customer: { email: "not an email" }, confirm: true },
      { customer: { email: "ada@example.com", everyone: true }, confirm: true },
    ];
    for (const body of refusals) {
      const res = await api<{ error: { code: string } }>(
        server,
        "POST",
        "/api/privacy/erase",
        body,
        supervisor,
      );
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await api(server, "GET", "/api/privacy/export", undefined, supervisor)).status).toBe(400);
    expect(
      await server.platform.store.customerData.findConversations({ email: "ada@example.com" }),
    ).toHaveLength(1);
    expect(await server.platform.store.audit.list({ action: "customer.erased", limit: 1 })).toEqual([]);
  });
});
