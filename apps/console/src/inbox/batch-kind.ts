import type { Review } from "@handoff/contracts";
import { whyHere } from "./describe";

/**
 * Drafts approved together must be of the same kind: the same reason for the pause (e.g. the same
 * risk rule), so one look at the pattern covers all of them.
 */
export const batchKind = (review: Review) => `${review.kind}:${whyHere(review)}`;
