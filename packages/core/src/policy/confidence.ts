import type { Confidence, RiskFlag } from "@handoff/contracts";
import type { ModelDraft, RetrievalResult } from "../ports/model";

/** Weights of the signals in the confidence score; they sum to 1. */
export const CONFIDENCE_WEIGHTS = { model: 0.35, retrieval: 0.3, margin: 0.2, coverage: 0.15 } as const;

/** How much one risk flag lowers the rules part: a handoff-forcing flag more than an approval one. */
const FLAG_PENALTY: Readonly<Record<RiskFlag["forces"], number>> = { approval: 0.5, handoff: 0.2 };

/**
 * Builds the confidence score from the model's self-assessment, the retrieval support and the risk
 * rules, keeping every part so a reviewer can see why.
 *
 * score = rules x (0.35 model + 0.30 retrieval + 0.20 margin + 0.15 coverage)
 *
 * Why this shape: the model's word (does the answer state what was asked) and the retrieval score
 * (does a source match the question) are the main witnesses, so neither a confident model without
 * support nor a strong match the model could not use reaches the auto threshold alone. Margin (how
 * clearly the best source beats the runner-up) weighs more than coverage because a tie between two
 * sources is a coin flip even when both match well, while coverage mostly repeats the retrieval score. The rules part
 * multiplies rather than adds: a risky message is never "mostly confident". Routing still applies the
 * flags' forced routes on its own; the lower score only makes that visible.
 */
export function buildConfidence(input: {
  draft: ModelDraft;
  retrieval: RetrievalResult;
  flags: readonly RiskFlag[];
}): Confidence {
  const { draft, retrieval, flags } = input;
  const parts = {
    model: clamp(draft.selfConfidence),
    retrieval: clamp(retrieval.hits[0]?.score ?? 0),
    margin: clamp(retrieval.hits.length > 0 ? retrieval.margin : 0),
    coverage: clamp(retrieval.coverage),
    rules: clamp(flags.reduce((rules, flag) => rules * FLAG_PENALTY[flag.forces], 1)),
  };
  const support =
    CONFIDENCE_WEIGHTS.model * parts.model +
    CONFIDENCE_WEIGHTS.retrieval * parts.retrieval +
    CONFIDENCE_WEIGHTS.coverage * parts.coverage +
    CONFIDENCE_WEIGHTS.margin * parts.margin;
  const score = draft.outOfScope ? Math.min(support, parts.retrieval) : support;
  return { score: round(clamp(score * parts.rules)), parts: mapValues(parts, round) };
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mapValues<K extends string>(
  record: Record<K, number>,
  fn: (v: number) => number,
): Record<K, number> {
  const out = { ...record };
  for (const key in out) out[key] = fn(out[key]);
  return out;
}
