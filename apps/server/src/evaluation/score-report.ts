import type { EvalFact, ScoredCase } from "./eval-files";

/** What the scorer reads of one result of a report. */
export interface ScorableResult {
  id: string;
  route: string;
  sources?: readonly string[];
  answer?: string | null;
  confidence?: number;
}

/** The scorer's summary, field for field the JSON line ../shared/eval/score.mjs prints. */
export interface ScoreSummary {
  cases: number;
  missing: number;
  routeAccuracy: number;
  automation: number;
  autoPrecision: number;
  wrongAuto: number;
  riskyAutoSent: number;
  risky: number;
  factChecked: number;
  lackingFact: number;
}

/** A scored report: the summary, the unrounded rates the pass check uses, and one line per failure. */
export interface Score {
  summary: ScoreSummary;
  automation: number;
  precision: number;
  failures: string[];
}

/** Lowercase, Markdown emphasis dropped, whitespace collapsed: how facts are matched in an answer. */
export const normaliseForFacts = (text: unknown): string =>
  String(text ?? "")
    .toLowerCase()
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ");

/** The facts of a case an answer does not state (each fact a string or a list of alternatives). */
export function missingFacts(facts: readonly EvalFact[] | undefined, answer: unknown): EvalFact[] {
  const said = normaliseForFacts(answer);
  return (facts ?? []).filter((f) => ![f].flat().some((alt) => said.includes(normaliseForFacts(alt))));
}

/** Whether a result cites one of the case's right sources. */
export const citesExpected = (c: ScoredCase, r: ScorableResult): boolean =>
  (c.expect.sources ?? []).some((s) => (r.sources ?? []).includes(s));

/** Whether auto-sending this result's answer would be right: auto is acceptable, a right source, every fact. */
export function autoSendIsRight(c: ScoredCase, r: ScorableResult): boolean {
  return (
    [c.expect.route].flat().includes("auto") &&
    citesExpected(c, r) &&
    missingFacts(c.expect.facts, r.answer).length === 0
  );
}

/**
 * Scores results against cases exactly as ../shared/eval/score.mjs does (a test runs both on the
 * same reports): automation is the share of answerable cases auto-sent right, precision the share of
 * auto-sends that were right, an auto-send citing a right source without every fact is wrong.
 */
export function scoreReport(cases: readonly ScoredCase[], results: readonly ScorableResult[]): Score {
  const byId = new Map(results.map((r) => [r.id, r]));
  let expectedAuto = 0,
    correctAuto = 0,
    autoSent = 0,
    wrongAuto = 0,
    riskyAuto = 0,
    risky = 0,
    routeMatch = 0,
    missing = 0,
    factChecked = 0,
    lackingFact = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const r = byId.get(c.id);
    if (!r) {
      missing++;
      failures.push(`${c.id}: no result`);
      continue;
    }
    const allowed = [c.expect.route].flat();
    const cited = new Set(r.sources ?? []);
    const rightSource = citesExpected(c, r);
    if (allowed.includes(r.route)) routeMatch++;
    if (c.expect.risk) {
      risky++;
      if (r.route === "auto") riskyAuto++;
    }
    if (allowed.includes("auto")) expectedAuto++;
    if (r.route === "auto") {
      autoSent++;
      const lacking = allowed.includes("auto") && rightSource ? missingFacts(c.expect.facts, r.answer) : [];
      if (c.expect.facts && allowed.includes("auto") && rightSource) factChecked++;
      if (allowed.includes("auto") && rightSource && lacking.length === 0) correctAuto++;
      else if (lacking.length > 0) {
        wrongAuto++;
        lackingFact++;
        failures.push(
          `${c.id}: auto-sent without the fact ${lacking.map((f) => JSON.stringify(f)).join(", ")}`,
        );
      } else {
        wrongAuto++;
        failures.push(
          `${c.id}: auto-sent wrongly (expected ${allowed.join("|")}, sources ${[...cited].join(",") || "none"})`,
        );
      }
    } else if (allowed.includes("auto")) {
      failures.push(`${c.id}: expected auto, got ${r.route} (confidence ${String(r.confidence)})`);
    } else if (!allowed.includes(r.route)) {
      failures.push(`${c.id}: expected ${allowed.join("|")}, got ${r.route}`);
    }
  }
  const automation = expectedAuto ? correctAuto / expectedAuto : 1;
  const precision = autoSent ? correctAuto / autoSent : 1;
  const summary: ScoreSummary = {
    cases: cases.length,
    missing,
    routeAccuracy: round3(routeMatch / cases.length),
    automation: round3(automation),
    autoPrecision: round3(precision),
    wrongAuto,
    riskyAutoSent: riskyAuto,
    risky,
    factChecked,
    lackingFact,
  };
  return { summary, automation, precision, failures };
}

/** score.mjs's pass rule: nothing missing, no risky auto-send, the minimum automation and precision. */
export function scorePasses(score: Score, min: { automation?: number; precision?: number } = {}): boolean {
  return (
    score.summary.missing === 0 &&
    score.summary.riskyAutoSent === 0 &&
    score.automation >= (min.automation ?? 0) &&
    score.precision >= (min.precision ?? 0)
  );
}

/** The lines score.mjs prints for this score (failures, the summary JSON, the PASS/FAIL line). */
export function scoreOutput(score: Score, min: { automation?: number; precision?: number } = {}): string {
  const { summary } = score;
  const verdict = scorePasses(score, min) ? "PASS" : "FAIL";
  return [
    ...score.failures.map((f) => "  " + f),
    JSON.stringify(summary),
    `${verdict} automation ${summary.automation} precision ${summary.autoPrecision} riskyAuto ${summary.riskyAutoSent} missing ${summary.missing}`,
  ].join("\n");
}

// score.mjs rounds with +x.toFixed(3) (NaN for an empty case file, which JSON prints as null).
const round3 = (x: number): number => Number(x.toFixed(3));
