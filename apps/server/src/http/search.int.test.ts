import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AuditEvent,
  ConversationSearchResult,
  CustomerProfileView,
  LoginResponse,
  VisitorSession,
  shortId,
} from "@handoff/contracts";
import {
  AGENT,
  api,
  connectAgent,
  connectCustomer,
  nextReview,
  startTestServer,
  storeVariants,
  SUPERVISOR,
  type TestServer,
} from "../testing";

let server: TestServer;
let agent: string;
let supervisor: string;

describe.each(storeVariants("search"))("on $name", (variant) => {
  beforeAll(async () => {
    server = await startTestServer({ overrides: await variant.overrides() });
    agent = await signIn(AGENT);
    supervisor = await signIn(SUPERVISOR);
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function signIn(who: { email: string; password: string }): Promise<string> {
    return LoginResponse.parse((await api(server, "POST", "/api/auth/login", who)).body).token;
  }

  /** A customer's conversation started through the widget's API, with one message stored. */
  async function conversationOf(customer: { name?: string; email?: string }, text: string) {
    const session = VisitorSession.parse((await api(server, "POST", "/api/visitor", { customer })).body);
    const connected = await connectCustomer(server, session);
    await server.platform.store.messages.append({
      conversationId: session.conversationId,
      clientId: null,
      author: "customer",
      authorName: null,
      text,
      sources: [],
      internal: false,
    });
    connected.socket.disconnect();
    return session.conversationId;
  }

  const search = async (query: Record<string, string>, token = agent) => {
    const res = await api(
      server,
      "GET",
      `/api/search/conversations?${new URLSearchParams(query)}`,
      undefined,
      token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ConversationSearchResult.parse(res.body).hits;
  };

  describe("searching conversations over REST", () => {
    it("finds a conversation by the short id the console shows, by email, name and message words", async () => {
      const ada = await conversationOf(
        { name: "Ada Lovelace", email: "ada@example.com" },
        "My grinder arrived broken",
      );
      const grace = await conversationOf(
        { name: "Grace Hopper", email: "grace@example.com" },
        "Where is my parcel?",
      );

      const byId = await search({ q: shortId(ada) });
      expect(byId.map((h) => [h.conversation.id, h.matched])).toEqual([[ada, "id"]]);
      expect((await search({ q: "ADA@exa" })).map((h) => h.conversation.id)).toEqual([ada]);
      expect((await search({ q: "grace" })).map((h) => [h.conversation.id, h.matched])).toEqual([
        [grace, "name"],
      ]);
      expect((await search({ q: "grinder broken" })).map((h) => [h.conversation.id, h.matched])).toEqual([
        [ada, "text"],
      ]);
      expect(await search({ q: "#ffffffff0" })).toEqual([]);
    });

    it("narrows by status and start date", async () => {
      const later = new Date(Date.now() + 3_600_000).toISOString();
      expect(await search({ status: "human" })).toEqual([]);
      expect(await search({ from: later })).toEqual([]);
      expect((await search({ status: "bot", q: "ada" })).length).toBeGreaterThan(0);
    });

    it("narrows by the agent holding the conversation, with the other criteria", async () => {
      const alex = await connectAgent(server);
      const session = VisitorSession.parse(
        (await api(server, "POST", "/api/visitor", { customer: { name: "Hal Handoff" } })).body,
      );
      const customer = await connectCustomer(server, session);
      const created = nextReview(
        alex.socket,
        "review:created",
        (r) => r.conversationId === session.conversationId,
      );
      await customer.socket.emitWithAck("message:send", {
        clientId: "h1",
        text: "Can I speak with a human agent please",
      });
      const claimed = await alex.socket.emitWithAck("handoff:claim", { reviewId: (await created).id });
      expect(claimed.ok).toBe(true);

      const held = await search({ assigneeId: alex.user.id });
      expect(held.map((h) => [h.conversation.id, h.matched])).toEqual([[session.conversationId, "filters"]]);
      expect((await search({ assigneeId: alex.user.id, q: "hal" })).map((h) => h.conversation.id)).toEqual([
        session.conversationId,
      ]);
      expect(await search({ assigneeId: alex.user.id, status: "resolved" })).toEqual([]);
      expect(await search({ assigneeId: "nobody" })).toEqual([]);
      const earlier = new Date(Date.now() - 3_600_000).toISOString();
      expect(await search({ assigneeId: alex.user.id, to: earlier })).toEqual([]);
    });

    it("refuses bad input with a 400 and anyone signed out with a 401", async () => {
      const bad: Record<string, string>[] = [
        { status: "sleeping" },
        { limit: "0" },
        { limit: "1000" },
        { from: "yesterday" },
        { q: "x".repeat(201) },
        { unknown: "1" },
      ];
      for (const query of bad) {
        const res = await api(
          server,
          "GET",
          `/api/search/conversations?${new URLSearchParams(query)}`,
          undefined,
          agent,
        );
        expect(res.status, JSON.stringify(query)).toBe(400);
      }
      expect((await api(server, "GET", "/api/search/conversations")).status).toBe(401);
      expect((await api(server, "GET", "/api/customers/profile?conversationId=x")).status).toBe(401);
    });
  });

  describe("a customer's profile", () => {
    it("shows who the customer is, every conversation with their email, and the ratings they gave", async () => {
      const first = await conversationOf(
        { name: "Nora Repeat", email: "nora@example.com" },
        "First question",
      );
      const second = await conversationOf(
        { name: "Nora Repeat", email: "NORA@example.com" },
        "Second question",
      );
      await server.platform.store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "conversation.rated",
        conversationId: first,
        details: { score: 4, comment: "Quick and kind", category: null },
      });
      await server.platform.store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "message.rated",
        conversationId: second,
        details: { messageId: "m1", rating: "down", category: null },
      });

      const res = await api(
        server,
        "GET",
        `/api/customers/profile?conversationId=${second}`,
        undefined,
        agent,
      );
      expect(res.status).toBe(200);
      const profile = CustomerProfileView.parse(res.body);
      expect(profile.customer).toEqual({ name: "Nora Repeat", email: "NORA@example.com" });
      expect(profile.identified).toBe(false);
      expect(profile.conversations.map((c) => c.id)).toEqual([second, first]);
      expect(profile.ratings.map((r) => [r.conversationId, r.score, r.thumb, r.comment])).toEqual([
        [second, null, "down", null],
        [first, 4, null, "Quick and kind"],
      ]);
    });

    it("answers 404 for an unknown conversation and 400 without one", async () => {
      expect(
        (await api(server, "GET", "/api/customers/profile?conversationId=nope", undefined, agent)).status,
      ).toBe(404);
      expect((await api(server, "GET", "/api/customers/profile", undefined, agent)).status).toBe(400);
    });
  });

  describe("the audit log's conversation filter", () => {
    it("takes the short id the console shows, and stays closed to agents", async () => {
      const conversationId = await conversationOf({ name: "Audrey Audit" }, "Hello");
      await server.platform.store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "contact.left",
        conversationId,
        details: {},
      });
      const res = await api(
        server,
        "GET",
        `/api/audit?conversationId=${encodeURIComponent(shortId(conversationId))}`,
        undefined,
        supervisor,
      );
      expect(res.status).toBe(200);
      const { events } = z.object({ events: z.array(AuditEvent) }).parse(res.body);
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.conversationId))).toEqual(new Set([conversationId]));
      const exported = await fetch(
        `${server.url}/api/audit/export?format=jsonl&conversationId=${encodeURIComponent(shortId(conversationId))}`,
        { headers: { authorization: `Bearer ${supervisor}` } },
      );
      expect((await exported.text()).trim().split("\n").length).toBe(events.length);
      expect(
        (await api(server, "GET", `/api/audit?conversationId=${shortId(conversationId)}`, undefined, agent))
          .status,
      ).toBe(403);
    });
  });
});
