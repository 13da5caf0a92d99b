import { z } from "zod";
import { ApiKeyScope } from "./api-keys";
import { ApproverPrefs } from "./approvers";
import { kept, details } from "./audit-lenient";
import { DomainEventType } from "./domain-events";
import { AccessLinkKind } from "./people";
import { SavedReplyScope } from "./saved-reply";
import { Role } from "./user";

// Details of the audited actions that change the platform rather than a conversation: knowledge,
// settings, people, teams, saved replies, API keys, webhooks and API channels. Read leniently, like
// the conversation ones (audit-details.ts): an old row's field that no longer fits reads as missing.

const ids = kept(z.array(z.string()));
const reasons = kept(z.array(z.string()));
/** A record kept whole as it was then (settings, a team): its schema may have changed since. */
const snapshot = kept(z.record(z.string(), z.unknown()));
/** Which fields a change touched. */
const changed = kept(z.array(z.string()));

/** `kb.imported`: a help-center import, with the articles held back for a supervisor. */
export const KbImportedDetails = details({ imported: ids, total: kept(z.number().int()), quarantined: ids });

/** `knowledge.quarantined`: an article or approved correction held back by the screen, and why. */
export const KnowledgeQuarantinedDetails = details({
  articleId: kept(z.string()),
  correctionId: kept(z.string()),
  reasons,
});

/** `knowledge.released` and `knowledge.deleted`: a supervisor released or deleted an article. */
export const KnowledgeChangedDetails = details({
  articleId: kept(z.string()),
  title: kept(z.string()),
  reasons,
});

/** `settings.changed`: the settings before and after. */
export const SettingsChangedDetails = details({ before: snapshot, after: snapshot });

/** `confidence.refitted`: a supervisor applied a confidence fit made from this deployment's decisions. */
export const ConfidenceRefittedDetails = details({
  features: kept(z.array(z.string())),
  weights: kept(z.array(z.number())),
  bias: kept(z.number()),
  thresholds: kept(z.object({ auto: z.number(), review: z.number() })),
  trainedOn: kept(z.array(z.object({ name: z.string(), samples: z.number(), right: z.number() }))),
  fittedAt: kept(z.string()),
});

/** How a mail about an access link went. */
const MailOutcome = z.enum(["sent", "not_configured", "failed"]);

/** `user.signed_in`: absent method is a password; otherwise how (single sign-on). */
export const SignedInDetails = details({ method: kept(z.string()) });

/** `user.invited`: an invitation link to join with a role. */
export const UserInvitedDetails = details({
  email: kept(z.string()),
  role: kept(Role),
  linkId: kept(z.string()),
  mail: kept(MailOutcome),
});

/** `user.joined`: an account was made (from an invitation, single sign-on or the create-admin command). */
export const UserJoinedDetails = details({
  email: kept(z.string()),
  role: kept(Role),
  linkId: kept(z.string()),
  via: kept(z.enum(["sso", "create-admin"])),
});

/** A person's role and name before or after a change (each only when it is the one changed). */
const PersonFields = z.object({ role: Role.optional(), name: z.string().optional() });

/** `user.updated`: a role or name changed (before, after), or someone's approval preferences (approvals). */
export const UserUpdatedDetails = details({
  userId: kept(z.string()),
  email: kept(z.string()),
  before: kept(PersonFields),
  after: kept(PersonFields),
  approvals: kept(ApproverPrefs),
});

/** `user.deactivated`, `user.reactivated`, `user.password_reset`, `user.password_changed`: one account's access. */
export const UserAccessDetails = details({
  userId: kept(z.string()),
  email: kept(z.string()),
  /** Deactivated: how many handoffs they held went back to the queue. */
  returnedHandoffs: kept(z.number().int().nonnegative()),
  /** Password reset: how the mail with the link went. */
  mail: kept(MailOutcome),
  /** Password changed: by the person ("own") or through a reset link. */
  via: kept(z.enum(["own", "reset link"])),
});

/** `access_link.revoked`: an open invitation or reset link withdrawn. */
export const AccessLinkRevokedDetails = details({
  linkId: kept(z.string()),
  kind: kept(AccessLinkKind),
  email: kept(z.string()),
});

/** `team.created`, `team.updated`, `team.deleted`: the team as it was before and after. */
export const TeamChangedDetails = details({ teamId: kept(z.string()), before: snapshot, after: snapshot });

/** `saved_reply.created`, `.updated`, `.deleted`: which reply, and what changed. */
export const SavedReplyDetails = details({
  savedReplyId: kept(z.string()),
  shortcut: kept(z.string()),
  scope: kept(SavedReplyScope),
  changed,
});

/** `api_key.created`, `api_key.revoked`: the key (never its secret). */
export const ApiKeyDetails = details({
  apiKeyId: kept(z.string()),
  name: kept(z.string()),
  prefix: kept(z.string()),
  scopes: kept(z.array(ApiKeyScope)),
});

/** `webhook.created`, `webhook.updated`: the endpoint as it is now, and what changed. */
export const WebhookDetails = details({
  webhookId: kept(z.string()),
  url: kept(z.string()),
  events: kept(z.array(DomainEventType)),
  enabled: kept(z.boolean()),
  changed,
});

/** `channel.created`, `channel.updated`: an API channel, and what changed. */
export const ApiChannelDetails = details({ channelId: kept(z.string()), name: kept(z.string()), changed });
