import type { IncomingMessage } from "node:http";

/** Engine.IO's allowRequest hook: calls back with an error code (0 = allowed) and a verdict. */
type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null | undefined, ok: boolean) => void,
) => void;

/**
 * Refuses socket handshakes (polling and websocket alike) from browser origins that are neither the
 * server's own nor in `allowed`. CORS alone does not stop a websocket: browsers open one to any
 * origin, so a hostile page could otherwise talk to the sockets in its visitor's name. Requests
 * without an Origin header are not from a browser page and are let through (they could forge one
 * anyway); the tokens are what authenticates them. An empty list allows every origin.
 */
export function originCheck(allowed: readonly string[]): AllowRequest | undefined {
  if (allowed.length === 0) return undefined;
  const permitted = new Set(allowed.map(normalise));
  return (req, callback) => {
    const origin = req.headers.origin;
    const ok = origin === undefined || permitted.has(normalise(origin)) || isSameOrigin(origin, req);
    callback(ok ? null : "origin not allowed", ok);
  };
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function normalise(origin: string): string {
  return origin.trim().replace(/\/+$/, "").toLowerCase();
}
