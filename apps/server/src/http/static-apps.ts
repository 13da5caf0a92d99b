import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import helmet from "helmet";
import { isAllowedOrigin } from "../app/origins";

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where the built UIs are (each app's `vite build` output). */
export const UI_DIST = {
  console: path.join(appsDir, "console", "dist"),
  widget: path.join(appsDir, "widget", "dist"),
};

/**
 * Serves the built console at /console (a single-page app), the widget at /widget (its chat page is
 * framed by customers' sites, so it may be embedded by the allowed origins), and the widget's demo
 * page at /. A missing build gets a clear page instead of a bare 404; source maps are never served.
 */
export function serveUiApps(app: Express, allowedOrigins: string[]): void {
  const frameAncestors = allowedOrigins.length ? ["'self'", ...allowedOrigins] : ["*"];
  const widgetHeaders = helmet({
    contentSecurityPolicy: { directives: { "frame-ancestors": frameAncestors } },
    frameguard: false,
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });

  // Source maps are built for debugging; served, they would hand anyone the UIs' source.
  app.use(["/console", "/widget"], (req, res, next) => {
    if (!isSourceMap(req.path)) return next();
    res.status(404).type("text").send("Not found");
  });
  app.use(
    "/widget",
    widgetHeaders,
    refuseUnknownHosts(allowedOrigins),
    staticOrHint(UI_DIST.widget, "widget", widgetCaching),
  );
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

/**
 * The chat page is opened by the loader with `?origin=` set to the embedding site. With allowed origins
 * configured, any other site gets a clear refusal instead of a chat (frame-ancestors also stops the
 * browser from showing it, but not everyone reads the console).
 */
function refuseUnknownHosts(allowedOrigins: string[]): express.RequestHandler {
  return (req, res, next) => {
    const origin = req.query.origin;
    const isPage = req.path === "/" || req.path === "/index.html";
    if (!isPage || allowedOrigins.length === 0 || origin === undefined) return next();
    if (typeof origin === "string" && isAllowedOrigin(allowedOrigins, origin)) return next();
    res
      .status(403)
      .type("text")
      .send("This site is not allowed to embed the chat. Add its origin to ALLOWED_ORIGINS on the server.");
  };
}

/** Whether a request path names a .map file, however it is percent-encoded (the static server decodes it). */
function isSourceMap(requestPath: string): boolean {
  let decoded = requestPath;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    // A malformed path is the static server's to refuse.
  }
  return /\.map$/i.test(decoded.replace(/\/+$/, ""));
}

/**
 * Hashed assets never change, so browsers keep them; the loader and the chat page keep their names
 * across releases, so sites pick up a new version within minutes.
 */
function widgetCaching(res: express.Response, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) {
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  } else if (filePath.endsWith("embed.js")) {
    res.setHeader("Cache-Control", "public, max-age=300, stale-while-revalidate=86400");
  } else {
    res.setHeader("Cache-Control", "no-cache");
  }
}

function staticOrHint(
  dir: string,
  name: string,
  setHeaders?: (res: express.Response, filePath: string) => void,
): express.RequestHandler {
  const serve = express.static(dir, { index: "index.html", maxAge: "1h", setHeaders });
  return (req, res, next) => {
    if (existsSync(dir)) return serve(req, res, next);
    res
      .status(503)
      .type("text")
      .send(`The ${name} is not built yet: run \`npm run build\` (npm start does it for you).`);
  };
}
