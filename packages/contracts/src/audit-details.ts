import { z } from "zod";
import { kept, details, Named } from "./audit-lenient";
import { ConversationStatus } from "./conversation";
import { CorrectionStatus } from "./feedback";
import { HandoffOutcome } from "./review";
import { Confidence, RiskFlag, Route, Thresholds } from "./routing";

/** `message.routed`: where the bot sent a message and why (round 0 = the customer's own message). */
export const MessageRoutedDetails = details({
  runId: kept(z.string()),
  round: kept(z.number().int().nonnegative()),
  category: kept(z.string().nullable()),
  route: kept(Route),
  reason: kept(z.string()),
  confidence: kept(Confidence.nullable()),
  flags: kept(z.array(RiskFlag)),
  thresholds: kept(Thresholds),
  sources: kept(z.array(z.string())),
});

/** `review.decided`: a person's (or the deadline's) decision on a pending draft. */
export const ReviewDecidedDetails = details({
  reviewId: kept(z.string()),
  /** The decision; once redacted only its type is left. */
  decision: kept(z.looseObject({ type: z.string() })),
  routeReason: kept(z.string()),
  category: kept(z.string().nullable()),
  draftWords: kept(z.number().nonnegative()),
  waitedMs: kept(z.number()),
});

/** `message.rated`: a customer's thumbs on one bot answer. */
export const MessageRatedDetails = details({
  messageId: kept(z.string()),
  rating: kept(z.enum(["up", "down"])),
  text: kept(z.string()),
  sources: kept(z.array(z.string())),
  category: kept(z.string().nullable()),
});

/** `conversation.rated`: satisfaction once resolved. */
export const ConversationRatedDetails = details({
  score: kept(z.number().int().min(1).max(5)),
  comment: kept(z.string().nullable()),
  category: kept(z.string().nullable()),
});

/** `correction.reviewed`: a supervisor's verdict on a correction. */
export const CorrectionReviewedDetails = details({
  correctionId: kept(z.string()),
  status: kept(CorrectionStatus),
});

const Holder = Named;

/** `handoff.claimed`: a person took a waiting handoff from the queue. */
export const HandoffClaimedDetails = details({ reviewId: kept(z.string()) });

/** `handoff.returned`: the person holding a handoff went offline and it went back to the queue. */
export const HandoffReturnedDetails = details({ reviewId: kept(z.string()), from: kept(Holder) });

/** `handoff.reassigned`: a supervisor gave a handoff to someone else (from nobody when it was waiting). */
export const HandoffReassignedDetails = details({
  reviewId: kept(z.string()),
  from: kept(Holder.nullable()),
  to: kept(Holder),
});

/** `contact.left`: a waiting customer left an email to be answered at (gone once erased). */
export const ContactLeftDetails = details({ email: kept(z.string()) });

/** `handoff.released`: the person holding a handoff handed it back to the bot or resolved it. */
export const HandoffReleasedDetails = details({ reviewId: kept(z.string()), outcome: kept(HandoffOutcome) });

/** `handoff.requested`: the customer asked for a person (in the status the conversation was in). */
export const HandoffRequestedDetails = details({
  status: kept(ConversationStatus),
  /** The customer's own words, if they gave a reason (gone once erased). */
  reason: kept(z.string().nullable()),
});

/** `handoff.offered` and `handoff.declined`: a handoff offered to a team member, or turned down by them. */
export const HandoffOfferDetails = details({
  reviewId: kept(z.string()),
  to: kept(Holder),
  teamId: kept(z.string()),
  /** How many members were tried before this one. */
  round: kept(z.number().int().nonnegative()),
});

/** `correction.created`: a pending correction drawn from a decision (reviewId) or an agent's answer (from). */
export const CorrectionCreatedDetails = details({
  correctionId: kept(z.string()),
  reviewId: kept(z.string()),
  from: kept(z.enum(["takeover", "thumbs_down"])),
});

/** `conversation.recovery_failed`: the bot could not carry on after retries and a person took over. */
export const RecoveryFailedDetails = details({ reason: kept(z.string()), status: kept(ConversationStatus) });

/** How a customer was looked up for an export or erasure (never the value itself). */
const LookupKind = z.enum(["email", "externalId", "conversationId"]);

/** `customer.exported`: everything stored about one customer was exported. */
export const CustomerExportedDetails = details({
  by: kept(LookupKind),
  conversationIds: kept(z.array(z.string())),
});

const count = kept(z.number().int().nonnegative());

/** `customer.erased`: one customer's data was erased, with what was deleted or rewritten. */
export const CustomerErasedDetails = details({
  by: kept(LookupKind),
  conversationIds: kept(z.array(z.string())),
  conversations: count,
  messages: count,
  reviews: count,
  corrections: count,
  checkpoints: count,
  auditRedacted: count,
  citationsRemoved: count,
});

/** `channel.email_linked`: a conversation was put on email (gone once erased). */
export const EmailLinkedDetails = details({ address: kept(z.string()) });
