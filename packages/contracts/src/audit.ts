import { z } from "zod";
import {
  ContactLeftDetails,
  ConversationRatedDetails,
  CorrectionCreatedDetails,
  CorrectionReviewedDetails,
  CustomerErasedDetails,
  CustomerExportedDetails,
  EmailLinkedDetails,
  HandoffClaimedDetails,
  HandoffOfferDetails,
  HandoffReassignedDetails,
  HandoffReleasedDetails,
  HandoffRequestedDetails,
  HandoffReturnedDetails,
  MessageRatedDetails,
  MessageRoutedDetails,
  RecoveryFailedDetails,
  ReviewDecidedDetails,
} from "./audit-details";
import {
  AccessLinkRevokedDetails,
  ApiChannelDetails,
  ApiKeyDetails,
  ConfidenceRefittedDetails,
  KbImportedDetails,
  KnowledgeChangedDetails,
  KnowledgeQuarantinedDetails,
  SavedReplyDetails,
  SettingsChangedDetails,
  SignedInDetails,
  TeamChangedDetails,
  UserAccessDetails,
  UserInvitedDetails,
  UserJoinedDetails,
  UserUpdatedDetails,
  WebhookDetails,
} from "./audit-details-admin";
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

/**
 * The audit union over some common fields: each action with its details' schema (actions sharing a
 * schema share a member, discriminated by an enum of them).
 */
const auditUnion = <B extends z.ZodRawShape>(common: B) => {
  const of = <A extends AuditAction, D extends z.ZodType>(actions: readonly [A, ...A[]], details: D) =>
    z.object({ ...common, action: z.enum(actions), details });
  return z.discriminatedUnion("action", [
    of(["message.routed"], MessageRoutedDetails),
    of(["review.decided"], ReviewDecidedDetails),
    of(["handoff.claimed"], HandoffClaimedDetails),
    of(["handoff.released"], HandoffReleasedDetails),
    of(["handoff.requested"], HandoffRequestedDetails),
    of(["kb.imported"], KbImportedDetails),
    of(["knowledge.quarantined"], KnowledgeQuarantinedDetails),
    of(["knowledge.released", "knowledge.deleted"], KnowledgeChangedDetails),
    of(["settings.changed"], SettingsChangedDetails),
    of(["correction.created"], CorrectionCreatedDetails),
    of(["correction.reviewed"], CorrectionReviewedDetails),
    of(["user.signed_in"], SignedInDetails),
    of(["user.invited"], UserInvitedDetails),
    of(["user.joined"], UserJoinedDetails),
    of(["user.updated"], UserUpdatedDetails),
    of(
      ["user.deactivated", "user.reactivated", "user.password_reset", "user.password_changed"],
      UserAccessDetails,
    ),
    of(["access_link.revoked"], AccessLinkRevokedDetails),
    of(["handoff.returned"], HandoffReturnedDetails),
    of(["team.created", "team.updated", "team.deleted"], TeamChangedDetails),
    of(["handoff.offered", "handoff.declined"], HandoffOfferDetails),
    of(["handoff.reassigned"], HandoffReassignedDetails),
    of(["message.rated"], MessageRatedDetails),
    of(["conversation.rated"], ConversationRatedDetails),
    of(["contact.left"], ContactLeftDetails),
    of(["customer.exported"], CustomerExportedDetails),
    of(["customer.erased"], CustomerErasedDetails),
    of(["conversation.recovery_failed"], RecoveryFailedDetails),
    of(["confidence.refitted"], ConfidenceRefittedDetails),
    of(["saved_reply.created", "saved_reply.updated", "saved_reply.deleted"], SavedReplyDetails),
    of(["api_key.created", "api_key.revoked"], ApiKeyDetails),
    of(["webhook.created", "webhook.updated"], WebhookDetails),
    of(["channel.created", "channel.updated"], ApiChannelDetails),
    of(["channel.email_linked"], EmailLinkedDetails),
  ]);
};

/** What is written to the audit log: the details are typed by the action. */
export const AuditEntry = auditUnion({ actor: Actor, conversationId: Id.nullable() });
export type AuditEntry = z.input<typeof AuditEntry>;

// Every audited action has its member in the union: this stops compiling when one is left out.
const everyActionTyped: [Exclude<AuditAction, AuditEntry["action"]>] extends [never] ? true : false = true;
void everyActionTyped;

/** The details an action is written with. */
export type AuditDetailsInput<A extends AuditAction> = AuditEntry extends infer E
  ? E extends { action: infer Of; details: infer D }
    ? A extends Of
      ? D
      : never
    : never
  : never;

/** One line of the audit log, as read back (old and redacted rows read leniently, see audit-details). */
export const AuditEvent = auditUnion({ id: Id, at: Timestamp, actor: Actor, conversationId: Id.nullable() });
export type AuditEvent = z.infer<typeof AuditEvent>;
/** The audit events of one action (of a member shared by several actions, narrowed to this one). */
export type AuditEventOf<A extends AuditAction> = AuditEvent extends infer E
  ? E extends { action: infer Of }
    ? A extends Of
      ? E & { action: A }
      : never
    : never
  : never;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An audit entry without who did it and which conversation: what a service's audit helper takes, so
 * each action is written with its own details' shape.
 */
export type AuditRecord = DistributiveOmit<AuditEntry, "actor" | "conversationId">;
