import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import helmet from "helmet";

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where the built UIs are (each app's `vite build` output). */
export const UI_DIST = {
  console: path.join(appsDir, "console", "dist"),
  widget: path.join(appsDir, "widget", "dist"),
};

/**
 * Serves the built console at /console (a single-page app), the widget at /widget (its chat page is
 * framed by customers' sites, so it may be embedded by the allowed origins), and the widget's demo
 * page at /. A missing build gets a clear page instead of a bare 404.
 */
export function serveUiApps(app: Express, allowedOrigins: string[]): void {
  const frameAncestors = allowedOrigins.length ? ["'self'", ...allowedOrigins] : ["*"];
  const widgetHeaders = helmet({
    contentSecurityPolicy: { directives: { "frame-ancestors": frameAncestors } },
    frameguard: false,
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });

  app.use("/widget", widgetHeaders, staticOrHint(UI_DIST.widget, "widget"));
  app.use("/console", staticOrHint(UI_DIST.console, "console"));
  app.get(/^\/console(\/.*)?$/, (_req, res, next) => {
    const index = path.join(UI_DIST.console, "index.html");
    if (existsSync(index)) res.sendFile(index);
    else next();
  });
  app.get("/", (_req, res, next) => {
    const demo = path.join(UI_DIST.widget, "demo.html");
    if (existsSync(demo)) res.sendFile(demo);
    else next();
  });
}

function staticOrHint(dir: string, name: string): express.RequestHandler {
  const serve = express.static(dir, { index: "index.html", maxAge: "1h" });
  return (req, res, next) => {
    if (existsSync(dir)) return serve(req, res, next);
    res
      .status(503)
      .type("text")
      .send(`The ${name} is not built yet: run \`npm run build\` (npm start does it for you).`);
  };
}
