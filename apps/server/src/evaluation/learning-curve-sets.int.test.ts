import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SHARED_EVAL_DIR, readEvalSet } from "./eval-sets";
import { learningCurve, type LearningCurve } from "./learning-curve";

/**
 * The bot learns from its team on the shared real-message sets: with 2 approved corrections per
 * intent, it answers more of the other questions on its own, without sending anything wrong.
 *
 * Issue 13 asks for +0.25 automation at k = 2 over k = 0 at precision >= 0.98. Measured 2026-12-05 at
 * 8986565: skyways +0.109 (0.455 -> 0.564), shopfront +0.115 (0.171 -> 0.286), both at precision
 * 1.000; with correction-match (things named in questions fill a slot, 2e05440): skyways +0.127
 * (0.455 -> 0.582), shopfront +0.171 (0.200 -> 0.371), both at 1.000. Measured 2026-12-05 at a9113b1
 * (abstract nouns such as "kind" frame a question, a correction states the kind of fact its own question
 * asked, corrections answered from one article block pooled): skyways +0.272 (0.455 -> 0.727, issue
 * 13's bar met), shopfront +0.143 (0.257 -> 0.400; its k = 0 rose with the asking-words change), both
 * at 1.000 (`npm run eval -- --learning-curve`, whose probes leave out the 4 candidates per intent;
 * drawn at k = 0 and 2 only, as here, the probes keep the 3rd and 4th: shopfront +0.134). Measured
 * 2026-12-06 at d8fe9b7 (WordNet derivations on the query side, "shipment" for "shipping"; how the
 * sentence uses a word decides whether the answer must name it): shopfront +0.171 with the CLI's probes
 * (0.286 -> 0.457), +0.149 with this split (0.254 -> 0.403); skyways +0.272 (CLI), +0.260 here; all at
 * precision 1.000. At 4f61d1e (a place's name is not its words) the same gains: shopfront 0.239 -> 0.388
 * here, 0.257 -> 0.429 with the CLI's probes. With chat shorthand written out ("ur", "ya"), swearwords
 * not taken for things, and an article passage restating a correction's answer agreeing with it:
 * shopfront 0.239 -> 0.448 here (+0.209), 0.257 -> 0.514 with the CLI's probes (+0.257, the bar met);
 * skyways +0.260 here, +0.272 (CLI). The gains below are today's floors, a little under those figures;
 * raise them as correction matching improves, never lower them.
 */
const FLOORS: Record<string, number> = { skyways: 0.25, shopfront: 0.2 };
const present = Object.keys(FLOORS).every((name) =>
  existsSync(path.join(SHARED_EVAL_DIR, name, "cases.jsonl")),
);

const curves = new Map<string, LearningCurve>();
beforeAll(async () => {
  if (!present) return;
  for (const name of Object.keys(FLOORS)) {
    const set = await readEvalSet(path.join(SHARED_EVAL_DIR, name));
    if (set) curves.set(name, await learningCurve(set, [0, 2]));
  }
}, 300_000);

describe.skipIf(!present)("learning from approved corrections on the shared sets", () => {
  for (const [name, floor] of Object.entries(FLOORS))
    it(`${name}: 2 corrections per intent answer at least ${floor} more of the probes, at precision >= 0.98, nothing risky sent`, () => {
      const curve = curves.get(name)!;
      const [none, two] = curve.points;
      expect(none?.k).toBe(0);
      expect(two?.k).toBe(2);
      expect(two!.summary.automation - none!.summary.automation).toBeGreaterThanOrEqual(floor);
      expect(two!.summary.autoPrecision).toBeGreaterThanOrEqual(0.98);
      expect(two!.summary.riskyAutoSent).toBe(0);
      expect(two!.answeredFromCorrection).toBeGreaterThan(0);
    });
});
