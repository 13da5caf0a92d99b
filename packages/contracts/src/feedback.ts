import { z } from "zod";
import { Id, Timestamp } from "./common";

/**
 * Where a correction sits in the supervisor's queue. `quarantined`: held at approval because it
 * instructs the bot or asks for secrets (the reason says how); a supervisor releases or rejects it.
 */
export const CorrectionStatus = z.enum(["pending", "approved", "rejected", "retired", "quarantined"]);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** A human answer that differs from the bot's: few-shot feedback once a supervisor approves it. */
export const Correction = z.object({
  id: Id,
  question: z.string().min(1),
  answer: z.string().min(1),
  draft: z.string().nullable(),
  status: CorrectionStatus,
  reason: z.string().nullable(),
  tags: z.array(z.string()),
  conversationId: Id.nullable(),
  /** Deduplicates the same event delivered twice (e.g. review id + decision). */
  sourceKey: z.string().nullable(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  reviewedBy: Id.nullable(),
  reviewedAt: Timestamp.nullable(),
});
export type Correction = z.infer<typeof Correction>;

/** GET /api/corrections query: filter by status and free text. */
export const CorrectionQuery = z.object({
  status: CorrectionStatus.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type CorrectionQuery = z.infer<typeof CorrectionQuery>;

/** Approving a correction, optionally rewritten into a reusable example and tagged. */
export const CorrectionApprove = z.object({
  question: z.string().trim().min(1).max(2000).optional(),
  answer: z.string().trim().min(1).max(4000).optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
});
export type CorrectionApprove = z.infer<typeof CorrectionApprove>;

/** Rejecting a correction needs a reason. */
export const CorrectionReject = z.object({ reason: z.string().trim().min(1, "say why").max(2000) });

/** Merging duplicates into one kept correction. */
export const CorrectionMerge = z.object({ keepId: Id, duplicateIds: z.array(Id).min(1).max(200) });

/** One action on many corrections. */
export const CorrectionBulk = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), ids: z.array(Id).min(1).max(500) }),
  z.object({
    action: z.literal("reject"),
    ids: z.array(Id).min(1).max(500),
    reason: z.string().trim().min(1).max(2000),
  }),
]);
