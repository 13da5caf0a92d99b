/** A sample's fitted probability and whether auto-sending it was right; only eligible ones count. */
export interface ScoredSample {
  p: number;
  right: boolean;
}

/**
 * The lowest auto threshold whose auto-sends (every sample with p at or above it) reach the target
 * precision: the most automation the data allows at that precision. 1 (nothing is sent) when no
 * threshold reaches it.
 */
export function chooseAutoThreshold(samples: readonly ScoredSample[], targetPrecision: number): number {
  const sorted = [...samples].sort((a, b) => b.p - a.p);
  let best = 1;
  let sent = 0;
  let right = 0;
  for (const [i, s] of sorted.entries()) {
    sent++;
    if (s.right) right++;
    // Samples tied at this p are all sent together: only judge the threshold after the last of them.
    if (sorted[i + 1]?.p === s.p) continue;
    if (right / sent >= targetPrecision) best = s.p;
  }
  return best;
}

/**
 * The review threshold: below it a draft goes to a person rather than to approval. It is the
 * highest value that keeps `keepRight` of the right drafts at or above it (a reviewer should see
 * nearly every draft worth approving), and stays below the auto threshold.
 */
export function chooseReviewThreshold(
  samples: readonly ScoredSample[],
  autoThreshold: number,
  keepRight = 0.95,
): number {
  const right = samples
    .filter((s) => s.right)
    .map((s) => s.p)
    .sort((a, b) => a - b);
  const index = Math.floor((1 - keepRight) * right.length);
  const review = right[index] ?? 0;
  return Math.max(0, Math.min(review, autoThreshold - 0.001));
}
