import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, AGENT, startTestServer, SUPERVISOR, type TestServer } from "../testing";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.dispose();
});

const token = async (who: { email: string; password: string }) =>
  (await api<{ token: string }>(server, "POST", "/api/auth/login", who)).body.token;

describe("REST API", () => {
  it("GET /healthz answers with the model and the help center size", async () => {
    const res = await api<{ status: string; articles: number }>(server, "GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    expect(res.body.articles).toBeGreaterThan(5);
  });

  it("a supervisor imports Markdown articles and the bot answers from them at once", async () => {
    const res = await api<{ imported: string[] }>(
      server,
      "POST",
      "/api/kb/import",
      {
        files: [
          {
            name: "loyalty-beans.md",
            content:
              "---\ntitle: Bean Club loyalty\ntags: [loyalty]\n---\nBean Club members earn one stamp per bag; ten stamps give a free bag.",
          },
        ],
      },
      await token(SUPERVISOR),
    );
    expect(res.status).toBe(200);
    expect(res.body.imported).toEqual(["loyalty-beans"]);
    const articles = await server.platform.store.articles.list();
    expect(articles.find((a) => a.id === "loyalty-beans")?.tags).toEqual(["loyalty"]);
    const hits = server.platform.knowledge.index.search("How many stamps for a free bag in the Bean Club?");
    expect(hits.hits[0]?.id).toBe("loyalty-beans");
  });

  it("an agent may not import articles, and an invalid file imports nothing", async () => {
    const file = { name: "x.md", content: "---\ntags: [a]\n---\nno title" };
    const asAgent = await api(server, "POST", "/api/kb/import", { files: [file] }, await token(AGENT));
    expect(asAgent.status).toBe(403);
    const before = await server.platform.store.articles.count();
    const invalid = await api<{ error: { message: string } }>(
      server,
      "POST",
      "/api/kb/import",
      { files: [{ name: "ok.md", content: "---\ntitle: Fine\n---\nBody" }, file] },
      await token(SUPERVISOR),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/x\.md/);
    expect(await server.platform.store.articles.count()).toBe(before);
  });

  it("a settings change by a supervisor is validated and audited", async () => {
    const t = await token(SUPERVISOR);
    const bad = await api(server, "PUT", "/api/settings", { thresholds: { auto: 0.3, review: 0.6 } }, t);
    expect(bad.status).toBe(400);
    const ok = await api<{ settings: { thresholds: { auto: number } } }>(
      server,
      "PUT",
      "/api/settings",
      { thresholds: { auto: 0.9, review: 0.5 } },
      t,
    );
    expect(ok.body.settings.thresholds.auto).toBe(0.9);
    const audit = await api<{ events: Array<{ action: string }> }>(
      server,
      "GET",
      "/api/audit?action=settings.changed",
      undefined,
      t,
    );
    expect(audit.body.events).toHaveLength(1);
  });
});
