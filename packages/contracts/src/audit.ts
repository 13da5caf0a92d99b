import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Who did something: a console user, the system (bot, scheduler) or the customer. */
export const Actor = z.object({
  type: z.enum(["user", "system", "customer"]),
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;

/** Audited actions. */
export const AuditAction = z.enum([
  "message.routed",
  "review.decided",
  "handoff.claimed",
  "handoff.released",
  "handoff.requested",
  "kb.imported",
  "knowledge.quarantined",
  "knowledge.released",
  "knowledge.deleted",
  "settings.changed",
  "correction.created",
  "correction.reviewed",
  "user.signed_in",
  "user.invited",
  "user.joined",
  "user.updated",
  "user.deactivated",
  "user.reactivated",
  "user.password_reset",
  "user.password_changed",
  "access_link.revoked",
  "handoff.returned",
  "team.created",
  "team.updated",
  "team.deleted",
  "handoff.offered",
  "handoff.declined",
  "handoff.reassigned",
  "message.rated",
  "conversation.rated",
  "contact.left",
  "customer.exported",
  "customer.erased",
  "conversation.recovery_failed",
  "confidence.refitted",
  "saved_reply.created",
  "saved_reply.updated",
  "saved_reply.deleted",
  "api_key.created",
  "api_key.revoked",
  "webhook.created",
  "webhook.updated",
  "channel.created",
  "channel.updated",
  "channel.email_linked",
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One line of the audit log. */
export const AuditEvent = z.object({
  id: Id,
  at: Timestamp,
  actor: Actor,
  action: AuditAction,
  conversationId: Id.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
