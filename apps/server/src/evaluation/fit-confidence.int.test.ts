import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FittedConfidence } from "@handoff/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../cli/eval-command";
import { answerableCase, riskyCase, writeEvalSet } from "./eval-set-fixture";

// Three small help centers written for this test, so the fit runs end to end in seconds; the fit
// on the shared sets is `npm run fit-confidence` (its table is in the README).
const HELP_CENTERS = {
  outfitter: {
    articles: {
      shipping: {
        title: "Shipping times",
        body: "Standard shipping takes 3 to 5 business days. Express takes 1 day.",
      },
      returns: { title: "Returns", body: "You can return unworn items within 30 days for a full refund." },
    },
    cases: [
      answerableCase("o1", "How long does standard shipping take?", "shipping", "3 to 5 business days"),
      answerableCase("o2", "How many days do I have to return an item?", "returns", "30 days"),
      answerableCase("o3", "do you ship to the moon", "shipping", "lunar"),
      riskyCase("o4", "Refund my last order now"),
      riskyCase("o5", "I want to speak to a person"),
    ],
  },
  airline: {
    articles: {
      baggage: { title: "Carry-on baggage", body: "Every fare includes one carry-on bag up to 10 kg." },
      checkin: { title: "Check-in", body: "Online check-in opens 24 hours before departure." },
    },
    cases: [
      answerableCase("a1", "How heavy can my carry-on bag be?", "baggage", "10 kg"),
      answerableCase("a2", "When does online check-in open?", "checkin", "24 hours"),
      answerableCase("a3", "can i bring my parrot", "baggage", "parrot"),
      riskyCase("a4", "Cancel my booking and refund the ticket"),
    ],
  },
  cafe: {
    articles: {
      hours: { title: "Opening hours", body: "Our cafe is open from 7 am to 6 pm every day." },
      beans: { title: "Coffee beans", body: "We roast our beans every Monday and ship them on Tuesday." },
    },
    cases: [
      answerableCase("c1", "What are your opening hours?", "hours", "7 am to 6 pm"),
      answerableCase("c2", "When do you roast the beans?", "beans", "Monday"),
      answerableCase("c3", "is there wifi", "hours", "wifi"),
      riskyCase("c4", "Delete my account and all my data"),
    ],
  },
};

let dir: string;
let fitted: FittedConfidence;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "handoff-fit-"));
  const sets = await Promise.all(
    Object.entries(HELP_CENTERS).map(([name, h]) => writeEvalSet(path.join(dir, name), h.articles, h.cases)),
  );
  const out = path.join(dir, "fitted.json");
  await evalCommand(["--fit", "--sets", ...sets, "--out", out]);
  fitted = FittedConfidence.parse(JSON.parse(await readFile(out, "utf8")));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run eval -- --fit", () => {
  it("writes a fit that core can load, on the confidence parts the graph recorded", () => {
    expect(fitted.features).toEqual(
      expect.arrayContaining(["model", "retrieval", "margin", "coverage", "rules"]),
    );
    expect(fitted.trainedOn.map((t) => [t.name, t.samples])).toEqual([
      ["airline", 4],
      ["cafe", 4],
      ["outfitter", 5],
    ]);
    expect(fitted.thresholds.auto).toBeGreaterThan(fitted.thresholds.review);
  });

  it("validates by leaving each help center out, fitted on the other two", () => {
    expect(fitted.validation.map((f) => [f.heldOut, f.trainedOn])).toEqual([
      ["airline", ["cafe", "outfitter"]],
      ["cafe", ["airline", "outfitter"]],
      ["outfitter", ["airline", "cafe"]],
    ]);
    for (const fold of fitted.validation) expect(fold.riskyAutoSent).toBe(0);
  });
});
