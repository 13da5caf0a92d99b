import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { LoginResponse } from "@handoff/contracts";
import { createHttpApp } from "../http/create-http-app";
import { api, startTestServer, SUPERVISOR, type TestServer } from "../testing";
import { expressRoutes } from "./express-routes";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

const Document = z.object({
  openapi: z.literal("3.1.0"),
  paths: z.record(z.string(), z.record(z.string(), z.object({ summary: z.string() }))),
});

const fetchDocument = async () => Document.parse((await api(server, "GET", "/api/openapi.json")).body);
const toOpenApi = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

describe("the OpenAPI document", () => {
  it("lists every REST route Express has", async () => {
    const doc = await fetchDocument();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    const routes = expressRoutes(createHttpApp(server.platform))
      .filter((r) => r.path.startsWith("/api/") || r.path === "/healthz")
      .map((r) => `${r.method} ${toOpenApi(r.path)}`);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("every documented route answers (nothing is a 404 for an unknown endpoint)", async () => {
    const doc = await fetchDocument();
    const token = LoginResponse.parse((await api(server, "POST", "/api/auth/login", SUPERVISOR)).body).token;
    const calls = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path })))
      // Signing out ends the token the other calls use, so it goes last.
      .sort((a, b) => Number(a.path === "/api/auth/logout") - Number(b.path === "/api/auth/logout"));
    const missing: string[] = [];
    for (const { method, path } of calls) {
      const route = path.replace(/\{[A-Za-z]+\}/g, "no-such-id");
      const res = await fetch(`${server.url}${route}`, {
        method: method.toUpperCase(),
        redirect: "manual",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: method === "get" || method === "delete" ? undefined : "{}",
      });
      const text = await res.text();
      if (res.status === 404 && text.includes("no such endpoint")) missing.push(`${method} ${path}`);
    }
    expect(missing).toEqual([]);
  });

  it("serves a reference page that names every operation", async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("POST /api/webhooks");
    expect(html).toContain("GET /api/conversations/{id}");
  });
});
