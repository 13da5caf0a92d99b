import { z } from "zod";
import { CorrectionStatus } from "./feedback";
import { Confidence, RiskFlag, Route, Thresholds } from "./routing";

/**
 * A detail as it is read back: rows written before a field existed, and rows whose conversation was
 * erased (only neutral fields are kept, `redacted: true`), lack fields; a value that no longer fits its
 * schema reads as missing rather than making the whole log unreadable.
 */
const kept = <S extends z.ZodType>(schema: S) => schema.optional().catch(undefined);

/** Fields every typed detail may carry; other keys of old rows are kept as they were (loose). */
const details = <S extends z.ZodRawShape>(shape: S) =>
  z.looseObject({ ...shape, redacted: kept(z.literal(true)) });

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

/** Who held a handoff; the name as it was then. */
const Holder = z.object({ id: z.string(), name: z.string().nullable() });

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

/** The audited actions whose details are typed, with their schemas. */
export const TYPED_AUDIT_DETAILS = {
  "message.routed": MessageRoutedDetails,
  "review.decided": ReviewDecidedDetails,
  "message.rated": MessageRatedDetails,
  "conversation.rated": ConversationRatedDetails,
  "correction.reviewed": CorrectionReviewedDetails,
  "handoff.claimed": HandoffClaimedDetails,
  "handoff.returned": HandoffReturnedDetails,
  "handoff.reassigned": HandoffReassignedDetails,
  "contact.left": ContactLeftDetails,
};
