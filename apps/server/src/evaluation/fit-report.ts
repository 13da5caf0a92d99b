import type { FitOutcome, FittedConfidence } from "@handoff/contracts";
import type { HeldOutPart } from "./fit-from-sets";
import { markdownTable, rate3 } from "./eval-table";

const outcomeCells = (o: FitOutcome) => [
  rate3(o.precision),
  rate3(o.automation),
  `${o.riskyAutoSent}`,
  `${o.autoSent} (${o.autoWrong} wrong)`,
];

/**
 * Leave one help center out: fitted on the others (their correction samples too), scored on it, a row
 * per source of its samples (its cases; its probes with corrections loaded).
 */
export function heldOutTable(parts: readonly HeldOutPart[]): string {
  return markdownTable(
    [
      "held out",
      "samples",
      "auto / review / precedent threshold",
      "precision",
      "automation",
      "risky auto-sent",
      "auto-sent",
    ],
    parts.map((p) => [
      p.set,
      `${p.source} (${p.outcome.samples})`,
      `${p.thresholds.auto.toFixed(3)} / ${p.thresholds.review.toFixed(3)} / ${precedentCell(p.precedent)}`,
      ...outcomeCells(p.outcome),
    ]),
  );
}

/** The precedent threshold as the tables print it: "none" when the fit never sends on a precedent alone. */
function precedentCell(threshold: number | null | undefined): string {
  return threshold == null ? "none" : threshold.toFixed(3);
}

/** The final fit (on every set) scored on each set and source it was fitted on. */
export function inSampleTable(rows: readonly { set: string; source: string; outcome: FitOutcome }[]): string {
  return markdownTable(
    ["set (in sample)", "samples", "precision", "automation", "risky auto-sent", "auto-sent"],
    rows.map((r) => [r.set, `${r.source} (${r.outcome.samples})`, ...outcomeCells(r.outcome)]),
  );
}

/** The weights, one line, for the console log. */
export function weightsLine(model: FittedConfidence): string {
  const terms = model.features.map((f, i) => `${(model.weights[i] ?? 0).toFixed(3)} ${f}`);
  return `p = sigmoid(${model.bias.toFixed(3)} + ${terms.join(" + ")}); auto >= ${model.thresholds.auto}, review >= ${model.thresholds.review}; precedent >= ${precedentCell(model.precedent?.threshold)}`;
}
