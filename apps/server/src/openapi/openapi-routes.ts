import type { Express, Request, Response } from "express";
import { API_ROUTES } from "./api-routes";
import { openApiDocument, openApiPath, operation } from "./openapi-document";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The reference page: every operation by tag, server-rendered (no script, so the default CSP holds). */
function referencePage(): string {
  const tags = [...new Set(API_ROUTES.map((r) => r.tag))];
  const sections = tags.map((tag) => {
    const rows = API_ROUTES.filter((r) => r.tag === tag).map((route) => {
      const op = JSON.stringify(operation(route), null, 2);
      return `<details><summary><code>${route.method.toUpperCase()} ${escape(openApiPath(route.path))}</code> ${escape(
        route.summary,
      )} <small>(${route.access})</small></summary><pre>${escape(op)}</pre></details>`;
    });
    return `<section><h2>${escape(tag)}</h2>${rows.join("\n")}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Handoff Desk API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330}
summary{cursor:pointer;padding:4px 0}pre{background:#f4f5f7;padding:8px;overflow:auto;font-size:12px}code{font-weight:600}</style>
</head><body><main><h1>Handoff Desk API reference</h1>
<p>OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a>. Send <code>Authorization: Bearer &lt;session token or API key&gt;</code>.</p>
${sections.join("\n")}</main></body></html>`;
}

/** GET /api/openapi.json and GET /api/docs (public: they describe the API, not its data). */
export function mountOpenApiRoutes(app: Express): void {
  const document = openApiDocument();
  const page = referencePage();
  app.get("/api/openapi.json", (_req: Request, res: Response) => {
    res.json(document);
  });
  app.get("/api/docs", (_req: Request, res: Response) => {
    res.type("html").send(page);
  });
}
