import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT, api, startTestServer, SUPERVISOR, type TestServer } from "../testing";

let server: TestServer;
let agentToken = "";
let supervisorToken = "";
beforeAll(async () => {
  server = await startTestServer();
  agentToken = (await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT)).body.token;
  supervisorToken = (await api<{ token: string }>(server, "POST", "/api/auth/login", SUPERVISOR)).body.token;
});
afterAll(async () => {
  await server.dispose();
});

/** Every supervisor-only endpoint, with a body that would be valid for a supervisor. */
const SUPERVISOR_ROUTES: Array<[string, string, unknown?]> = [
  ["POST", "/api/kb/import", { files: [{ name: "x.md", content: "---\ntitle: X\n---\nBody" }] }],
  ["GET", "/api/audit"],
  ["GET", "/api/audit/export"],
  ["GET", "/api/corrections"],
  ["POST", "/api/corrections/merge", { keepId: "a", duplicateIds: ["b"] }],
  ["POST", "/api/corrections/bulk", { action: "approve", ids: ["a"] }],
  ["POST", "/api/corrections/some-id/approve", {}],
  ["POST", "/api/corrections/some-id/reject", { reason: "no" }],
  ["POST", "/api/corrections/some-id/retire", {}],
  ["GET", "/api/metrics"],
  ["GET", "/api/metrics/recommendations"],
  [
    "POST",
    "/api/metrics/recommendations/apply",
    { category: "shipping", thresholds: { auto: 0.99, review: 0.1 } },
  ],
  ["PUT", "/api/settings", { thresholds: { auto: 0.99, review: 0.1 } }],
  ["GET", "/api/privacy/export?email=ada@example.com"],
  ["POST", "/api/privacy/erase", { customer: { email: "ada@example.com" }, confirm: true }],
];

describe("who may do what over REST", () => {
  it("an agent is refused every supervisor action with 403, and nothing changes", async () => {
    const settingsBefore = await server.platform.settings.get();
    const auditBefore = await server.platform.store.audit.list({ limit: 1000 });
    for (const [method, route, body] of SUPERVISOR_ROUTES) {
      const res = await api<{ error: { code: string } }>(server, method, route, body, agentToken);
      expect({ route, status: res.status, code: res.body.error.code }).toEqual({
        route,
        status: 403,
        code: "forbidden",
      });
    }
    expect(await server.platform.settings.get()).toEqual(settingsBefore);
    expect(await server.platform.store.audit.list({ limit: 1000 })).toEqual(auditBefore);
  });

  it("without a session every console endpoint answers 401", async () => {
    const agentRoutes: Array<[string, string]> = [
      ["GET", "/api/auth/me"],
      ["GET", "/api/conversations/x"],
      ["GET", "/api/kb/articles"],
      ["GET", "/api/settings"],
    ];
    for (const [method, route, body] of [...SUPERVISOR_ROUTES, ...agentRoutes]) {
      const res = await api(server, method, route, body);
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  it("a visitor token is not a console session", async () => {
    const visitor = await api<{ token: string; conversationId: string }>(server, "POST", "/api/visitor", {});
    const res = await api(
      server,
      "GET",
      `/api/conversations/${visitor.body.conversationId}`,
      undefined,
      visitor.body.token,
    );
    expect(res.status).toBe(401);
  });
});

describe("cross-site requests (CSRF)", () => {
  // Sessions are bearer tokens the console keeps in localStorage and sends in a header; no endpoint
  // sets or reads a cookie, so a browser has nothing to attach to a forged cross-site request.
  it("signing in sets no cookie: credentials travel only in the Authorization header", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(AGENT),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("a forged form post or cookie-only request from another site changes nothing", async () => {
    const before = await server.platform.settings.get();
    const forged = [
      // A classic HTML form post: url-encoded, a cookie the attacker hopes the browser adds.
      {
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://evil.example",
          cookie: `token=${supervisorToken}; session=${supervisorToken}`,
        },
        body: "thresholds[auto]=0.99&thresholds[review]=0.1",
      },
      // text/plain is the other content type a form (or a no-cors fetch) can send without a preflight.
      {
        headers: {
          "content-type": "text/plain",
          origin: "https://evil.example",
          cookie: `token=${supervisorToken}`,
        },
        body: JSON.stringify({ thresholds: { auto: 0.99, review: 0.1 } }),
      },
    ];
    for (const request of forged) {
      const res = await fetch(`${server.url}/api/settings`, { method: "PUT", ...request });
      expect(res.status).toBe(401);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(await server.platform.settings.get()).toEqual(before);
  });

  it("the API grants no cross-origin reads: no CORS headers for a foreign origin", async () => {
    const res = await fetch(`${server.url}/api/settings`, {
      headers: { origin: "https://evil.example", authorization: `Bearer ${agentToken}` },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${server.url}/api/settings`, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("security headers", () => {
  const pages = [
    "/",
    "/console",
    "/console/inbox",
    "/widget/",
    "/widget/embed.js",
    "/healthz",
    "/api/settings",
    "/api/nope",
  ];

  it("every page, script and API answer carries a content security policy and the hardening headers", async () => {
    for (const page of pages) {
      const res = await fetch(`${server.url}${page}`, { headers: { authorization: `Bearer ${agentToken}` } });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect({ page, csp: csp.length > 0 }).toEqual({ page, csp: true });
      expect(csp).toMatch(/frame-ancestors/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("the console and API may not be framed; the widget chat may, by the allowed sites only", async () => {
    for (const page of ["/", "/console", "/api/settings"]) {
      const res = await fetch(`${server.url}${page}`);
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'/);
    }
    const restricted = await startTestServer({ env: { ALLOWED_ORIGINS: "https://shop.example" } });
    try {
      const widget = await fetch(`${restricted.url}/widget/`);
      expect(widget.headers.get("content-security-policy")).toMatch(
        /frame-ancestors 'self' https:\/\/shop\.example/,
      );
    } finally {
      await restricted.dispose();
    }
  });
});

describe("request size limits", () => {
  it("a JSON body over 100 kB is refused with 413 before any handler runs", async () => {
    const res = await api<{ error: { code: string } }>(server, "POST", "/api/visitor", {
      customer: { name: "x".repeat(150_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("bad_request");
  });

  it("a help-center import may be larger, but not over 20 MB", async () => {
    const big = {
      files: [{ name: "big.md", content: `---\ntitle: Big\n---\n${"y".repeat(21 * 1024 * 1024)}` }],
    };
    const res = await api(server, "POST", "/api/kb/import", big, supervisorToken);
    expect(res.status).toBe(413);
  });

  it("a malformed JSON body is a clear 400", async () => {
    const res = await fetch(`${server.url}/api/visitor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(res.status).toBe(400);
  });
});
