/**
 * A sample's fitted probability and whether auto-sending it was right; only eligible ones count.
 * `stratum` names a part of the data that must reach the precision on its own (a help center's
 * cases, its probes with corrections loaded); samples without one form a single stratum.
 */
export interface ScoredSample {
  p: number;
  right: boolean;
  stratum?: string;
}

/**
 * The lowest auto threshold whose auto-sends (every sample with p at or above it) reach the target
 * precision in every stratum: the most automation the data allows at that precision, without one
 * help center paying for another's. 1 (nothing is sent) when no threshold reaches it.
 */
export function chooseAutoThreshold(samples: readonly ScoredSample[], targetPrecision: number): number {
  const sorted = [...samples].sort((a, b) => b.p - a.p);
  const counts = new Map<string, { sent: number; right: number }>();
  const meets = (c: { sent: number; right: number }) => c.right / c.sent >= targetPrecision;
  let failing = 0;
  let best = 1;
  for (const [i, s] of sorted.entries()) {
    const key = s.stratum ?? "";
    const c = counts.get(key) ?? { sent: 0, right: 0 };
    const before = c.sent === 0 || meets(c);
    c.sent++;
    if (s.right) c.right++;
    counts.set(key, c);
    const after = meets(c);
    if (before && !after) failing++;
    else if (!before && after) failing--;
    // Samples tied at this p are all sent together: only judge the threshold after the last of them.
    if (sorted[i + 1]?.p === s.p) continue;
    if (failing === 0) best = s.p;
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
