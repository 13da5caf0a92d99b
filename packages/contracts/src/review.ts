import { z } from "zod";
import { Id, MessageText, Timestamp } from "./common";
import { Confidence, Draft, RiskFlag, RouteReason, SourceRef } from "./routing";
import { Turn } from "./turn";

/** Everything an approver needs to decide on a draft: never a blind approve. */
export const ApprovalPacket = z.object({
  conversationId: Id,
  question: z.string(),
  recentTurns: z.array(Turn),
  draft: Draft,
  alternatives: z.array(Draft),
  confidence: Confidence,
  reasoning: z.string(),
  sources: z.array(SourceRef),
  riskFlags: z.array(RiskFlag),
  routeReason: RouteReason,
  /** The help-center category the question fell in (per-category thresholds and metrics). */
  category: z.string().nullable().default(null),
  /** The customer message's language (ISO 639-1, e.g. "fr"), null when it was too short to tell. */
  language: z.string().nullable().default(null),
  guidance: z.array(z.string()),
  deadline: Timestamp,
});
export type ApprovalPacket = z.infer<typeof ApprovalPacket>;

/** What a live agent gets on handoff: the approval packet's context plus a summary and the failure. */
export const HandoffPacket = z.object({
  conversationId: Id,
  question: z.string(),
  recentTurns: z.array(Turn),
  summary: z.string(),
  attempted: z.array(Draft),
  confidence: Confidence,
  reasoning: z.string(),
  sources: z.array(SourceRef),
  riskFlags: z.array(RiskFlag),
  routeReason: RouteReason,
  category: z.string().nullable().default(null),
  /** The customer message's language (ISO 639-1), null when it was too short to tell. */
  language: z.string().nullable().default(null),
  failureReason: z.string(),
  deadline: Timestamp,
});
export type HandoffPacket = z.infer<typeof HandoffPacket>;

/** An agent's decision on a pending draft (the review interrupt's resume value). */
export const ReviewDecision = z.discriminatedUnion("type", [
  z.object({ type: z.literal("approve") }),
  z.object({ type: z.literal("edit"), text: MessageText }),
  z.object({ type: z.literal("choose"), draftId: Id }),
  z.object({ type: z.literal("guide"), instruction: z.string().trim().min(1).max(2000) }),
  z.object({
    type: z.literal("reject"),
    reason: z.string().trim().min(1, "say why the draft is rejected").max(2000),
    replacement: MessageText.optional(),
  }),
  z.object({ type: z.literal("takeover") }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** How a live handoff ends (the handoff interrupt's resume value). */
export const HandoffOutcome = z.enum(["handed_back", "resolved"]);
export type HandoffOutcome = z.infer<typeof HandoffOutcome>;

/** The state of a pause waiting on a human. */
export const ReviewStatus = z.enum(["pending", "claimed", "decided", "expired"]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

const reviewBase = {
  id: Id,
  conversationId: Id,
  threadId: z.string(),
  status: ReviewStatus,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  createdAt: Timestamp,
  deadline: Timestamp,
  decidedAt: Timestamp.nullable(),
  decidedBy: Id.nullable(),
};

/** A pause in the graph waiting for a person: an approval or a live handoff. */
export const Review = z.discriminatedUnion("kind", [
  z.object({
    ...reviewBase,
    kind: z.literal("approval"),
    packet: ApprovalPacket,
    decision: ReviewDecision.nullable(),
  }),
  z.object({
    ...reviewBase,
    kind: z.literal("handoff"),
    packet: HandoffPacket,
    decision: z.object({ type: HandoffOutcome }).nullable(),
  }),
]);
export type Review = z.infer<typeof Review>;
export type ApprovalReview = Extract<Review, { kind: "approval" }>;
export type HandoffReview = Extract<Review, { kind: "handoff" }>;
