import type { Confidence, FittedConfidence, RiskFlag } from "@handoff/contracts";
import type { ModelDraft, RetrievalResult } from "../ports/model";
import { FITTED_CONFIDENCE } from "./fitted-confidence";
import { meetsPrecedent, probabilityOf } from "./fit/fit-confidence";

/** Weights of the signals in the hand-set confidence score (used when no fit applies); they sum to 1. */
export const CONFIDENCE_WEIGHTS = { model: 0.35, retrieval: 0.3, margin: 0.2, coverage: 0.15 } as const;

/** How much one risk flag lowers the rules part: a handoff-forcing flag more than an approval one. */
const FLAG_PENALTY: Readonly<Record<RiskFlag["forces"], number>> = { approval: 0.5, handoff: 0.2 };

type Parts = Confidence["parts"];
const PART_NAMES = [
  "model",
  "retrieval",
  "margin",
  "coverage",
  "rules",
  "answer",
  "fact",
  "known",
  "topic",
  "correction",
  "lead",
  "general",
  "own",
  "asked",
  "support",
  "precedent",
] as const satisfies ReadonlyArray<keyof Parts>;

/**
 * Builds the confidence score from the model's self-assessment, the retrieval support, the answer's
 * own signals and the risk rules, keeping every part so a reviewer can see why.
 *
 * With a fitted confidence whose features the parts all carry (the offline answerer's), the score is
 * its probability that the answer is right, times the rules part. Otherwise:
 * score = rules x (0.35 model + 0.30 retrieval + 0.20 margin + 0.15 coverage)
 * Why that shape: the model's word and the retrieval score are the main witnesses, so neither a
 * confident model without support nor a strong match the model could not use reaches the auto
 * threshold alone; margin weighs more than coverage because a tie between two sources is a coin flip.
 * The rules part multiplies rather than adds: a risky message is never "mostly confident". Routing
 * still applies the flags' forced routes on its own; the lower score only makes that visible.
 */
export function buildConfidence(input: {
  draft: ModelDraft;
  retrieval: RetrievalResult;
  flags: readonly RiskFlag[];
  /** The fit to score with; null for the hand-set formula. */
  fitted?: FittedConfidence | null;
}): Confidence {
  const { draft, retrieval, flags, fitted = FITTED_CONFIDENCE } = input;
  const parts: Parts = {
    model: clamp(draft.selfConfidence),
    retrieval: clamp(retrieval.hits[0]?.score ?? 0),
    margin: clamp(retrieval.hits.length > 0 ? retrieval.margin : 0),
    coverage: clamp(retrieval.coverage),
    rules: clamp(flags.reduce((rules, flag) => rules * FLAG_PENALTY[flag.forces], 1)),
  };
  if (draft.signals !== undefined) {
    parts.answer = clamp(draft.signals.answer);
    parts.fact = clamp(draft.signals.fact);
    if (draft.signals.lead !== undefined) parts.lead = clamp(draft.signals.lead);
    if (draft.signals.own !== undefined) parts.own = clamp(draft.signals.own);
    if (draft.signals.support !== undefined) parts.support = clamp(draft.signals.support);
  }
  if (retrieval.unknown !== undefined) parts.known = clamp(1 - retrieval.unknown);
  if (retrieval.general !== undefined) parts.general = clamp(retrieval.general);
  const topical = retrieval.hits[0]?.topical;
  if (topical !== undefined) parts.topic = clamp(topical);
  const top = retrieval.hits[0];
  if (top !== undefined) {
    parts.correction = top.kind === "correction" ? 1 : 0;
    // A correction answers its own question: what it asks that the customer did not is a near miss.
    parts.asked = top.kind === "correction" ? clamp(top.asked ?? 0) : 1;
  }
  parts.precedent = precedentAgreeing(draft, retrieval);
  const numeric: Record<string, number> = { ...parts };
  const useFit = fitted != null && fitted.features.every((f) => typeof numeric[f] === "number");
  // A paraphrase of an approved correction's question, answered as the correction does, is as sure as
  // the fit's auto threshold: the precedent threshold was chosen for the same precision. (Rounded up,
  // as the score is rounded to three places.)
  const support = useFit
    ? meetsPrecedent(fitted, numeric)
      ? Math.max(probabilityOf(fitted, numeric), Math.ceil(fitted.thresholds.auto * 1000) / 1000)
      : probabilityOf(fitted, numeric)
    : CONFIDENCE_WEIGHTS.model * parts.model +
      CONFIDENCE_WEIGHTS.retrieval * parts.retrieval +
      CONFIDENCE_WEIGHTS.coverage * parts.coverage +
      CONFIDENCE_WEIGHTS.margin * parts.margin;
  const score = draft.outOfScope ? Math.min(support, parts.retrieval) : support;
  return { score: round(clamp(score * parts.rules)), parts: mapValues(parts, round) };
}

/**
 * How like an approved correction's question the customer's is, when the answer agrees with that
 * correction: it is the correction's answer (cites it, or says the same), or it comes from an article
 * that states the correction's answer (the team answered a question like this one from that article).
 * 0 when no correction to a like question backs the answer. Compared question to question
 * (retrieval's `precedents`), so a paraphrase backs the answer and a question that only shares words
 * with a correction's answer does not.
 */
export function precedentAgreeing(draft: ModelDraft, retrieval: RetrievalResult): number {
  const first = draft.drafts[0];
  if (first === undefined) return 0;
  const said = flat(first.text);
  const cited = new Set(first.sourceIds);
  const citedArticles = retrieval.hits.filter((h) => h.kind === "article" && cited.has(h.id));
  const words = new Set(wordsOf(said));
  // The retrieved passage the answer quotes knows which of the question's terms it states, synonyms
  // and places inside places included ("United States" for "USA"); an answer quoting none (a model's
  // own words) is read word for word.
  const quoted = retrieval.hits
    .filter((h) => cited.has(h.id))
    .flatMap((h) => h.passages ?? [])
    .find((p) => p.text.length > 0 && said.includes(flat(p.text)));
  const names = (thing: { term: string; word: string }): boolean =>
    quoted !== undefined
      ? !quoted.missing.includes(thing.term)
      : wordsOf(thing.word).every((w) => words.has(w));
  let best = 0;
  for (const p of retrieval.precedents ?? []) {
    if (p.similarity <= best) continue;
    // "Does Spirit allow two carry-ons?" is not answered by a correction about carry-ons in general
    // unless the answer itself names Spirit.
    if (!p.unsaid.every(names)) continue;
    const answer = flat(p.answer);
    const agrees =
      cited.has(p.id) ||
      (answer.length > 0 && (said.includes(answer) || answer.includes(said))) ||
      citedArticles.some((a) => flat(a.text).includes(answer)) ||
      (p.restatedIn ?? []).some((text) => said.includes(flat(text)));
    if (agrees) best = p.similarity;
  }
  return clamp(best);
}

/** The lowercase words of a text ("costa_rica" is two). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Text with its white space collapsed, so a quote compares whatever its line breaks. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mapValues(record: Parts, fn: (v: number) => number): Parts {
  const out: Parts = { ...record };
  for (const key of PART_NAMES) {
    const value = out[key];
    if (value !== undefined) out[key] = fn(value);
  }
  return out;
}
