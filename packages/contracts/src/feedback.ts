import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Where a correction sits in the supervisor's queue. */
export const CorrectionStatus = z.enum(["pending", "approved", "rejected", "retired"]);
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
