import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@handoff/server/testing";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

const shop = "https://shop.example";

async function serve(allowedOrigins: string) {
  const server = await startTestServer({ env: { ALLOWED_ORIGINS: allowedOrigins } });
  servers.push(server);
  return server;
}

describe("how the server hands out the widget", () => {
  it("an allowed site gets the chat page, one that is not gets a clear refusal", async () => {
    const server = await serve(shop);
    const allowed = await fetch(`${server.url}/widget/?origin=${encodeURIComponent(shop)}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${shop}`);
    const refused = await fetch(`${server.url}/widget/?origin=${encodeURIComponent("https://evil.example")}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/not allowed to embed the chat/);
  });

  it("the loader may be cached for minutes, hashed chat assets for a year, the chat page not at all", async () => {
    const server = await serve(shop);
    const loader = await fetch(`${server.url}/widget/embed.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get("cache-control")).toMatch(/max-age=300\b/);
    expect(loader.headers.get("content-security-policy")).toBeTruthy();
    const page = await fetch(`${server.url}/widget/`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = /src="\/widget\/(assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(asset).toBeTruthy();
    const hashed = await fetch(`${server.url}/widget/${asset ?? ""}`);
    expect(hashed.headers.get("cache-control")).toContain("immutable");
  });
});
