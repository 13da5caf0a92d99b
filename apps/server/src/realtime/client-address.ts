import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import type { TrustFunction } from "../app/trust-proxy";

/**
 * The client's address for a socket's handshake request, read through the trusted proxies exactly as
 * Express reads `req.ip` (TRUST_PROXY), so a customer's per-address budgets are theirs and not the
 * proxy's. Falls back to the connection's own address when it cannot be read.
 */
export function clientAddress(request: IncomingMessage, trust: TrustFunction, fallback: string): string {
  try {
    return proxyaddr(request, trust) || fallback;
  } catch {
    return fallback;
  }
}
