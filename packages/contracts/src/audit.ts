import { z } from "zod";
import {
  ConversationRatedDetails,
  CorrectionReviewedDetails,
  MessageRatedDetails,
  ContactLeftDetails,
  HandoffClaimedDetails,
  HandoffReassignedDetails,
  HandoffReturnedDetails,
  MessageRoutedDetails,
  ReviewDecidedDetails,
} from "./audit-details";
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

/** Audited actions whose details are not typed yet (a free record). */
export const UntypedAuditAction = AuditAction.exclude([
  "message.routed",
  "review.decided",
  "message.rated",
  "conversation.rated",
  "correction.reviewed",
  "handoff.claimed",
  "handoff.returned",
  "handoff.reassigned",
  "contact.left",
]);
export type UntypedAuditAction = z.infer<typeof UntypedAuditAction>;

/** The audit union over some common fields: each typed action with its details' schema. */
const auditUnion = <B extends z.ZodRawShape>(common: B) =>
  z.discriminatedUnion("action", [
    z.object({ ...common, action: z.literal("message.routed"), details: MessageRoutedDetails }),
    z.object({ ...common, action: z.literal("review.decided"), details: ReviewDecidedDetails }),
    z.object({ ...common, action: z.literal("message.rated"), details: MessageRatedDetails }),
    z.object({ ...common, action: z.literal("conversation.rated"), details: ConversationRatedDetails }),
    z.object({ ...common, action: z.literal("correction.reviewed"), details: CorrectionReviewedDetails }),
    z.object({ ...common, action: z.literal("handoff.claimed"), details: HandoffClaimedDetails }),
    z.object({ ...common, action: z.literal("handoff.returned"), details: HandoffReturnedDetails }),
    z.object({ ...common, action: z.literal("handoff.reassigned"), details: HandoffReassignedDetails }),
    z.object({ ...common, action: z.literal("contact.left"), details: ContactLeftDetails }),
    z.object({ ...common, action: UntypedAuditAction, details: z.record(z.string(), z.unknown()) }),
  ]);

/** What is written to the audit log: the details are typed by the action. */
export const AuditEntry = auditUnion({ actor: Actor, conversationId: Id.nullable() });
export type AuditEntry = z.input<typeof AuditEntry>;

/** One line of the audit log, as read back (old and redacted rows read leniently, see audit-details). */
export const AuditEvent = auditUnion({ id: Id, at: Timestamp, actor: Actor, conversationId: Id.nullable() });
export type AuditEvent = z.infer<typeof AuditEvent>;
/** The audit events of one typed action. */
export type AuditEventOf<A extends AuditEvent["action"]> = Extract<AuditEvent, { action: A }>;
