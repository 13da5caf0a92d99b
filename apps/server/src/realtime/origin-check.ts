import type { IncomingMessage } from "node:http";
import { isAllowedOrigin } from "../app/origins";

/** Engine.IO's allowRequest hook: calls back with an error code (0 = allowed) and a verdict. */
type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, ok: boolean) => void,
) => void;

/**
 * Refuses socket handshakes (polling and websocket alike) from browser origins that are neither the
 * server's own nor in `allowed` (normalised by the configuration). CORS alone does not stop a
 * websocket: browsers open one to any origin, so a hostile page could otherwise talk to the sockets in
 * its visitor's name. Requests without an Origin header are not from a browser page and are let
 * through (they could forge one anyway); the tokens are what authenticates them. An empty list allows
 * every origin.
 */
export function originCheck(allowed: readonly string[]): AllowRequest | undefined {
  if (allowed.length === 0) return undefined;
  return (req, callback) => {
    const origin = req.headers.origin;
    const ok = origin === undefined || isAllowedOrigin(allowed, origin) || isSameOrigin(origin, req);
    callback(ok ? null : "origin not allowed", ok);
  };
}

/**
 * The server's own pages: the Origin names the host the browser asked for. Behind a proxy that holds
 * only if the proxy passes the Host header on with its port (deploy/nginx.conf sends $http_host).
 */
function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return false;
  try {
    const page = new URL(origin);
    // Parsed with the page's scheme, so case and a default port written out compare equal.
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false;
  }
}
