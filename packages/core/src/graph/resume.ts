import { z } from "zod";
import { Actor, HandoffOutcome, ReviewDecision } from "@handoff/contracts";

/** What resumes the review interrupt: the decision and who made it. */
export const ReviewResume = z.object({ decision: ReviewDecision, actor: Actor });
export type ReviewResume = z.infer<typeof ReviewResume>;

/** What resumes the handoff interrupt: how the live chat ended and who ended it. */
export const HandoffResume = z.object({ outcome: HandoffOutcome, actor: Actor });
export type HandoffResume = z.infer<typeof HandoffResume>;
