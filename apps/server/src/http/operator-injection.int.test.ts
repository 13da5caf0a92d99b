import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCorrection } from "@handoff/core";
import { AGENT, api, startTestServer, storeVariants, SUPERVISOR, type TestServer } from "../testing";

/** Every REST query parameter that filters or selects data, by endpoint. */
const FILTERS: Array<[string, string[]]> = [
  ["/api/audit", ["conversationId", "action", "text", "from", "to", "limit"]],
  ["/api/audit/export", ["conversationId", "action", "text", "from", "to", "limit", "format"]],
  ["/api/corrections", ["status", "q", "limit"]],
  ["/api/metrics", ["from", "to", "category"]],
  ["/api/privacy/export", ["email", "externalId", "conversationId"]],
];
/** Endpoints without filters ignore plain parameters, but operator syntax is refused there too. */
const UNFILTERED = ["/api/kb/articles", "/api/settings", "/api/metrics/recommendations"];

/** How a query string can smuggle an operator (qs-style brackets, dots, repeated keys, top-level $). */
const QUERY_ATTACKS = (p: string) => [
  `${p}[$ne]=x`,
  `${p}[$gt]=`,
  `${p}[$regex]=.*`,
  `${p}[$where]=1`,
  `${p}[$exists]=true`,
  `${p}.$ne=x`,
  `${p}=a&${p}=b`,
  `$where=1&${p}=x`,
];

/** JSON bodies with operators where a string (or a list of them) is expected. */
const BODY_ATTACKS: Array<[string, string, unknown]> = [
  ["POST", "/api/auth/login", { email: { $gt: "" }, password: { $ne: null } }],
  ["POST", "/api/auth/login", { email: "agent@demo.local", password: { $ne: null } }],
  ["POST", "/api/visitor", { token: { $ne: null } }],
  ["POST", "/api/visitor", { customer: { email: { $ne: null } } }],
  ["POST", "/api/corrections/merge", { keepId: { $ne: null }, duplicateIds: [{ $gt: "" }] }],
  ["POST", "/api/corrections/bulk", { action: "approve", ids: [{ $ne: null }] }],
  ["POST", "/api/corrections/c1/approve", { answer: { $set: { status: "approved" } } }],
  ["PUT", "/api/settings", { thresholds: { $set: { auto: 0, review: 0 } } }],
  ["PUT", "/api/settings", { $where: "1", thresholds: { auto: 0.9, review: 0.5 } }],
  [
    "POST",
    "/api/metrics/recommendations/apply",
    { category: { $ne: null }, thresholds: { auto: 0.9, review: 0.5 } },
  ],
  ["POST", "/api/privacy/erase", { customer: { email: { $ne: null } }, confirm: true }],
  ["POST", "/api/privacy/erase", { customer: { conversationId: { $regex: ".*" } }, confirm: true }],
  ["POST", "/api/kb/import", { files: [{ name: { $ne: null }, content: "---\ntitle: X\n---\nY" }] }],
];

describe.each(storeVariants("handoff_inj"))("operator injection on $name", ({ overrides }) => {
  let server: TestServer;
  let supervisor = "";
  const counts = async () => ({
    conversations: (await server.platform.store.conversations.list({ limit: 1000 })).length,
    corrections: (await server.platform.store.corrections.list({ limit: 1000 })).length,
    settings: await server.platform.settings.get(),
  });

  beforeAll(async () => {
    server = await startTestServer({ overrides: await overrides() });
    supervisor = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
    // Two customers' worth of data that a successful injection would return or change.
    for (const email of ["ada@example.com", "grace@example.com"]) {
      const conversation = await server.platform.conversations.startConversation({ email });
      await server.platform.store.messages.append({
        conversationId: conversation.id,
        clientId: "m1",
        author: "customer",
        authorName: null,
        text: `private note from ${email}`,
        sources: [],
        internal: false,
      });
      await server.platform.store.corrections.create(
        newCorrection({
          question: `question of ${email}`,
          answer: "answer",
          conversationId: conversation.id,
        }),
      );
      await server.platform.store.audit.append({
        actor: { type: "customer", id: null, name: null },
        action: "contact.left",
        conversationId: conversation.id,
        details: { email },
      });
    }
  }, 30_000);
  afterAll(async () => {
    await server.dispose();
  });

  it("an operator in any REST query parameter is a clear 400", async () => {
    for (const [endpoint, params] of FILTERS) {
      for (const param of params) {
        for (const attack of QUERY_ATTACKS(param)) {
          const route = `${endpoint}?${attack}`;
          const res = await api<{ error?: { code: string; message: string } }>(
            server,
            "GET",
            route,
            undefined,
            supervisor,
          ).catch(async () => {
            // The CSV/JSONL export is not JSON; only a refusal is, so a parse failure means it answered.
            return { status: -1, body: { error: undefined } };
          });
          expect({ route, status: res.status, code: res.body.error?.code }).toEqual({
            route,
            status: 400,
            code: "bad_request",
          });
        }
      }
    }
  });

  it("operator syntax in the query of an endpoint without filters is refused too", async () => {
    for (const endpoint of UNFILTERED) {
      for (const attack of QUERY_ATTACKS("id").filter((a) => !a.startsWith("id=a"))) {
        const res = await api(server, "GET", `${endpoint}?${attack}`, undefined, supervisor);
        expect({ endpoint, attack, status: res.status }).toEqual({ endpoint, attack, status: 400 });
      }
    }
  });

  it("a JSON-looking string in a filter is taken literally and matches nothing", async () => {
    const literal = encodeURIComponent('{"$ne":null}');
    const audit = await api<{ events: unknown[] }>(
      server,
      "GET",
      `/api/audit?conversationId=${literal}`,
      undefined,
      supervisor,
    );
    expect(audit).toEqual({ status: 200, body: { events: [] } });
    const corrections = await api<{ corrections: unknown[] }>(
      server,
      "GET",
      `/api/corrections?q=${literal}`,
      undefined,
      supervisor,
    );
    expect(corrections).toEqual({ status: 200, body: { corrections: [] } });
    const conversation = await api(server, "GET", `/api/conversations/${literal}`, undefined, supervisor);
    expect(conversation.status).toBe(404);
    const regexLike = await api(
      server,
      "GET",
      `/api/privacy/export?email=${encodeURIComponent(".*@example.com")}`,
      undefined,
      supervisor,
    );
    expect(regexLike.status).toBe(400);
    const wildcard = await api(
      server,
      "GET",
      `/api/privacy/export?externalId=${encodeURIComponent(".*")}`,
      undefined,
      supervisor,
    );
    expect(wildcard.status).toBe(404);
  });

  it("an operator in any JSON body is a clear 400 and changes nothing", async () => {
    const before = await counts();
    for (const [method, route, body] of BODY_ATTACKS) {
      const token = route.startsWith("/api/auth") || route === "/api/visitor" ? undefined : supervisor;
      const res = await api<{ error?: { code: string } }>(server, method, route, body, token);
      expect({ route, body, status: res.status, code: res.body.error?.code }).toEqual({
        route,
        body,
        status: 400,
        code: "bad_request",
      });
    }
    expect(await counts()).toEqual(before);
    // The right password still works: nothing above locked the account or changed it.
    expect((await api(server, "POST", "/api/auth/login", AGENT)).status).toBe(200);
  });
});
