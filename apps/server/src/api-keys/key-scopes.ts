import type { ApiKeyScope } from "@handoff/contracts";

/** An HTTP method as Express routers name them. */
export type RouteMethod = "get" | "post" | "put" | "patch" | "delete";

/** One REST route an API key may call, and the scope it needs. */
export interface ScopedRoute {
  method: RouteMethod;
  /** The Express path, e.g. /api/conversations/:id */
  path: string;
  scope: ApiKeyScope;
}

/**
 * Every route an API key opens; any other /api route refuses keys (403). Kept as data so the gate,
 * the OpenAPI document and the tests read one list.
 */
export const SCOPED_ROUTES: readonly ScopedRoute[] = [
  { method: "get", path: "/api/conversations/:id", scope: "conversations:read" },
  { method: "get", path: "/api/search/conversations", scope: "conversations:read" },
  { method: "get", path: "/api/customers/profile", scope: "conversations:read" },
  { method: "post", path: "/api/conversations/:id/messages", scope: "messages:send" },
  { method: "post", path: "/api/channels/:id/messages", scope: "messages:send" },
  { method: "post", path: "/api/channels/email/inbound", scope: "messages:send" },
  { method: "get", path: "/api/kb/articles", scope: "knowledge:import" },
  { method: "post", path: "/api/kb/import", scope: "knowledge:import" },
  { method: "get", path: "/api/corrections", scope: "corrections:manage" },
  { method: "post", path: "/api/corrections/merge", scope: "corrections:manage" },
  { method: "post", path: "/api/corrections/bulk", scope: "corrections:manage" },
  { method: "post", path: "/api/corrections/:id/approve", scope: "corrections:manage" },
  { method: "post", path: "/api/corrections/:id/reject", scope: "corrections:manage" },
  { method: "post", path: "/api/corrections/:id/retire", scope: "corrections:manage" },
  { method: "get", path: "/api/audit", scope: "audit:read" },
  { method: "get", path: "/api/audit/export", scope: "audit:read" },
  { method: "get", path: "/api/metrics", scope: "metrics:read" },
];
