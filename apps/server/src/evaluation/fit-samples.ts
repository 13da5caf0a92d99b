import { SCORE_DECIDED_REASONS, type FitSample } from "@handoff/core";
import type { ScoredCase } from "./eval-files";
import type { EvalResult } from "./run-eval";
import { autoSendIsRight } from "./score-report";

/**
 * The fitting samples of an evaluated set: each case's confidence parts, and whether auto-sending its
 * first draft would have been right (an acceptable auto case, citing a right source, stating every
 * fact; a case that should not be auto-sent never is right).
 */
export function evalSamples(
  group: string,
  cases: readonly ScoredCase[],
  results: readonly EvalResult[],
): FitSample[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return cases.flatMap((c) => {
    const r = byId.get(c.id);
    if (!r) return [];
    return [
      {
        group,
        parts: r.parts,
        right: r.answer !== null && autoSendIsRight(c, r),
        eligible: r.answer !== null && SCORE_DECIDED_REASONS.has(r.reason ?? ""),
        answerable: [c.expect.route].flat().includes("auto"),
        risky: c.expect.risk === true,
      },
    ];
  });
}
