import type { Role } from "@handoff/contracts";

/** The supervisor's desk: screens only supervisors see (the server refuses their APIs to agents). */
export const SUPERVISOR_VIEWS = [
  { view: "people", label: "People" },
  { view: "teams", label: "Teams" },
  { view: "feedback", label: "Feedback queue" },
  { view: "quarantine", label: "Quarantine" },
  { view: "dashboard", label: "Dashboard" },
  { view: "settings", label: "Settings" },
  { view: "audit", label: "Audit log" },
  { view: "api-keys", label: "API keys" },
  { view: "webhooks", label: "Webhooks" },
  { view: "channels", label: "Channels" },
] as const;

/** A supervisor-only screen. */
export type SupervisorView = (typeof SUPERVISOR_VIEWS)[number]["view"];

/** Where the console is, as kept in the URL's hash (so a screen or conversation can be linked). */
export type Route =
  | { view: "inbox" }
  | { view: "conversation"; conversationId: string }
  | { view: "account" }
  | { view: "saved-replies" }
  /** `query`: the search as typed (URL parameters after `?`), null before the first search. */
  | { view: "search"; query: string | null }
  | { view: SupervisorView };

const isSupervisorView = (name: string): name is SupervisorView =>
  SUPERVISOR_VIEWS.some((v) => v.view === name);

/** Reads "#/feedback", "#/conversations/<id>", "#/search?q=..." and so on; anything else is the inbox. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  const mark = path.indexOf("?");
  const [name, id] = (mark < 0 ? path : path.slice(0, mark)).split("/");
  if (name === "conversations" && id) return { view: "conversation", conversationId: decodeURIComponent(id) };
  if (name === "account") return { view: "account" };
  if (name === "saved-replies") return { view: "saved-replies" };
  if (name === "search") return { view: "search", query: mark < 0 ? null : path.slice(mark + 1) };
  if (name && isSupervisorView(name)) return { view: name };
  return { view: "inbox" };
}

/** The hash link of a route. */
export function routeHref(route: Route): string {
  if (route.view === "conversation") return `#/conversations/${encodeURIComponent(route.conversationId)}`;
  if (route.view === "search") return route.query === null ? "#/search" : `#/search?${route.query}`;
  return `#/${route.view}`;
}

/** Agents who follow a supervisor's link land in their inbox. */
export function routeFor(route: Route, role: Role): Route {
  return role !== "supervisor" && isSupervisorView(route.view) ? { view: "inbox" } : route;
}
