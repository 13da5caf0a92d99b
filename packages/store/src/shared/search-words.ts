import type { Actor, AuditAction } from "@handoff/contracts";

/** An audit event's searchable fields, its details as stored (typed or redacted). */
export interface AuditText {
  actor: Actor;
  action: AuditAction;
  conversationId: string | null;
  details: Record<string, unknown>;
}

/** The words of an audit search, lowercased (at most 10); an event matches when it contains every one. */
export const searchWords = (text: string | undefined): string[] =>
  (text ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);

/** What an audit search looks in: actor, action, conversation and details, lowercased. */
export const auditSearchText = (event: AuditText) =>
  [
    event.actor.type,
    event.actor.name ?? "",
    event.action,
    event.conversationId ?? "",
    JSON.stringify(event.details),
  ]
    .join(" ")
    .toLowerCase();
