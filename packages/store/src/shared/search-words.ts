import type { AuditEvent } from "@handoff/contracts";

/** The words of an audit search, lowercased (at most 10); an event matches when it contains every one. */
export const searchWords = (text: string | undefined): string[] =>
  (text ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);

/** What an audit search looks in: actor, action, conversation and details, lowercased. */
export const auditSearchText = (event: Pick<AuditEvent, "actor" | "action" | "conversationId" | "details">) =>
  [
    event.actor.type,
    event.actor.name ?? "",
    event.action,
    event.conversationId ?? "",
    JSON.stringify(event.details),
  ]
    .join(" ")
    .toLowerCase();
