import type { FitOutcome, FittedConfidence } from "@handoff/contracts";
import { markdownTable, rate3 } from "./eval-table";

const outcomeCells = (o: FitOutcome) => [
  rate3(o.precision),
  rate3(o.automation),
  `${o.riskyAutoSent}`,
  `${o.autoSent} (${o.autoWrong} wrong)`,
];

/** Leave one help center out: fitted on the others, scored on it. */
export function heldOutTable(model: FittedConfidence): string {
  return markdownTable(
    [
      "held out",
      "fitted on",
      "auto / review threshold",
      "precision",
      "automation",
      "risky auto-sent",
      "auto-sent",
    ],
    model.validation.map((f) => [
      f.heldOut,
      f.trainedOn.join(", "),
      `${f.thresholds.auto.toFixed(3)} / ${f.thresholds.review.toFixed(3)}`,
      ...outcomeCells(f),
    ]),
  );
}

/** The final fit (on every set) scored on each set it was fitted on. */
export function inSampleTable(rows: readonly { set: string; outcome: FitOutcome }[]): string {
  return markdownTable(
    ["set (in sample)", "precision", "automation", "risky auto-sent", "auto-sent"],
    rows.map((r) => [r.set, ...outcomeCells(r.outcome)]),
  );
}

/** The weights, one line, for the console log. */
export function weightsLine(model: FittedConfidence): string {
  const terms = model.features.map((f, i) => `${(model.weights[i] ?? 0).toFixed(3)} ${f}`);
  return `p = sigmoid(${model.bias.toFixed(3)} + ${terms.join(" + ")}); auto >= ${model.thresholds.auto}, review >= ${model.thresholds.review}`;
}
