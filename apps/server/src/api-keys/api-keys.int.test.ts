import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiKeyCreated, ApiKeyList, LoginResponse, VisitorSession } from "@handoff/contracts";
import { ApiKeyService, systemClock } from "@handoff/core";
import { AGENT, api, startTestServer, SUPERVISOR, type TestServer } from "../testing";

let server: TestServer;
let supervisor: string;
let agent: string;

beforeAll(async () => {
  server = await startTestServer();
  supervisor = await signIn(SUPERVISOR);
  agent = await signIn(AGENT);
});
afterAll(async () => {
  await server.dispose();
});

async function signIn(who: { email: string; password: string }): Promise<string> {
  return LoginResponse.parse((await api(server, "POST", "/api/auth/login", who)).body).token;
}

async function createKey(name: string, scopes: string[]): Promise<ApiKeyCreated> {
  const res = await api(server, "POST", "/api/api-keys", { name, scopes }, supervisor);
  expect(res.status).toBe(201);
  return ApiKeyCreated.parse(res.body);
}

const listKeys = async () =>
  ApiKeyList.parse((await api(server, "GET", "/api/api-keys", undefined, supervisor)).body).keys;

async function newConversationId(): Promise<string> {
  return VisitorSession.parse((await api(server, "POST", "/api/visitor", {})).body).conversationId;
}

describe("API keys", () => {
  it("a supervisor creates a key whose secret is shown once; the list and the store keep only a prefix", async () => {
    const { key, secret } = await createKey("CRM sync", ["conversations:read"]);
    expect(secret).toMatch(/^hk_[A-Za-z0-9_-]{40,}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    expect(key.prefix.length).toBeLessThan(16);
    const listed = await listKeys();
    expect(listed.find((k) => k.id === key.id)).toEqual(key);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const stored = await server.platform.store.apiKeys.findBySecretHash(secret);
    expect(stored).toBeNull();
    const audit = await server.platform.store.audit.list({ action: "api_key.created", limit: 10 });
    expect(audit.find((e) => e.details.apiKeyId === key.id)).toMatchObject({
      actor: { name: "Sam Supervisor" },
      details: { name: "CRM sync", scopes: ["conversations:read"], prefix: key.prefix },
    });
  });

  it("a key calls the routes its scope opens and gets 403 elsewhere", async () => {
    const { secret } = await createKey("Reader", ["conversations:read"]);
    const conversationId = await newConversationId();
    const read = await api(server, "GET", `/api/conversations/${conversationId}`, undefined, secret);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ conversation: { id: conversationId } });

    const calls: Array<[string, string]> = [
      ["GET", "/api/corrections"],
      ["GET", "/api/audit"],
      ["POST", `/api/conversations/${conversationId}/messages`],
      ["GET", "/api/settings"],
      ["GET", "/api/api-keys"],
    ];
    for (const [method, route] of calls) {
      const body = method === "GET" ? undefined : { clientId: "c1", text: "hi", internal: true };
      const res = await api(server, method, route, body, secret);
      expect(res.status, `${method} ${route}`).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  it("a key cannot create keys, even one with every scope", async () => {
    const { secret } = await createKey("Everything", [
      "conversations:read",
      "messages:send",
      "knowledge:import",
      "corrections:manage",
      "audit:read",
      "metrics:read",
    ]);
    const before = (await listKeys()).length;
    const res = await api(server, "POST", "/api/api-keys", { name: "x", scopes: ["audit:read"] }, secret);
    expect(res.status).toBe(403);
    expect((await listKeys()).length).toBe(before);
  });

  it("writes through a key are audited as the key acting for its creator", async () => {
    const { key, secret } = await createKey("Importer", ["knowledge:import"]);
    const res = await api(
      server,
      "POST",
      "/api/kb/import",
      {
        files: [
          { name: "api-key-article.md", content: "---\ntitle: Gift cards\n---\nGift cards never expire." },
        ],
      },
      secret,
    );
    expect(res.status).toBe(200);
    const [imported] = await server.platform.store.audit.list({ action: "kb.imported", limit: 1 });
    expect(imported?.actor).toEqual({
      type: "user",
      id: key.createdBy,
      name: "Sam Supervisor (API key Importer)",
    });
  });

  it("a key with messages:send leaves a note once per clientId", async () => {
    const { secret } = await createKey("Notes", ["messages:send"]);
    const conversationId = await newConversationId();
    const body = { clientId: "crm-1", text: "Customer is a VIP (from the CRM)", internal: true };
    const first = await api(server, "POST", `/api/conversations/${conversationId}/messages`, body, secret);
    expect(first.status).toBe(201);
    const again = await api(server, "POST", `/api/conversations/${conversationId}/messages`, body, secret);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    const notes = (await server.platform.store.messages.listSince(conversationId, 0)).filter(
      (m) => m.internal,
    );
    expect(notes.map((m) => m.text)).toEqual([body.text]);
  });

  it("a revoked key and an unknown key get 401; the revocation is audited", async () => {
    const { key, secret } = await createKey("Short-lived", ["metrics:read"]);
    expect((await api(server, "GET", "/api/metrics", undefined, secret)).status).toBe(200);
    const revoked = await api(server, "POST", `/api/api-keys/${key.id}/revoke`, undefined, supervisor);
    expect(revoked.status).toBe(200);
    expect((await listKeys()).find((k) => k.id === key.id)?.revokedAt).not.toBeNull();
    const after = await api(server, "GET", "/api/metrics", undefined, secret);
    expect(after).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect((await api(server, "GET", "/api/metrics", undefined, `${secret}x`)).status).toBe(401);
    const audit = await server.platform.store.audit.list({ action: "api_key.revoked", limit: 10 });
    expect(audit.some((e) => e.details.apiKeyId === key.id)).toBe(true);
  });

  it("agents cannot manage keys, and bad input gets a 400 that creates nothing", async () => {
    expect((await api(server, "GET", "/api/api-keys", undefined, agent)).status).toBe(403);
    expect(
      (await api(server, "POST", "/api/api-keys", { name: "x", scopes: ["audit:read"] }, agent)).status,
    ).toBe(403);
    const before = (await listKeys()).length;
    for (const body of [
      {},
      { name: "x", scopes: [] },
      { name: "", scopes: ["audit:read"] },
      { name: "x", scopes: ["everything"] },
      { name: "x", scopes: ["audit:read"], createdBy: "someone" },
      { name: { $ne: null }, scopes: ["audit:read"] },
    ]) {
      const res = await api(server, "POST", "/api/api-keys", body, supervisor);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await listKeys()).length).toBe(before);
    expect((await api(server, "POST", "/api/api-keys/nope/revoke", undefined, supervisor)).status).toBe(404);
  });

  it("a key stops working when its creator is deactivated", async () => {
    const users = server.platform.store.users;
    const creator = await users.create({
      email: "keymaker@demo.local",
      name: "Kim Keys",
      role: "supervisor",
      passwordHash: "unused",
    });
    const keys = new ApiKeyService({ store: server.platform.store, clock: systemClock });
    const { secret } = await keys.create({ name: "Kim's", scopes: ["metrics:read"] }, creator);
    expect((await api(server, "GET", "/api/metrics", undefined, secret)).status).toBe(200);
    await users.update(creator.id, { status: "deactivated" });
    expect((await api(server, "GET", "/api/metrics", undefined, secret)).status).toBe(401);
  });
});
