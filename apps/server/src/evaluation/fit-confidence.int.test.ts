import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FittedConfidence } from "@handoff/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalCommand } from "../cli/eval-command";
import { answerableCase, riskyCase, writeEvalSet } from "./eval-set-fixture";

// Three small help centers written for this test, so the fit runs end to end in seconds; the fit
// on the shared sets is `npm run fit-confidence` (its table is in the README). The outfitter has
// approved corrections and feedback probes; the airline's cases name their intent (learning curve).
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
      answerableCase("a1", "How heavy can my carry-on bag be?", "baggage", "10 kg", "bag_weight"),
      answerableCase("a2", "When does online check-in open?", "checkin", "24 hours", "checkin"),
      answerableCase("a3", "can i bring my parrot", "baggage", "parrot", "pets"),
      riskyCase("a4", "Cancel my booking and refund the ticket", "cancel"),
      answerableCase("a5", "what is the weight limit for a carry-on", "baggage", "10 kg", "bag_weight"),
      answerableCase("a6", "how early can i check in online", "checkin", "24 hours", "checkin"),
      answerableCase("a7", "max weight of cabin bag", "baggage", "10 kg", "bag_weight"),
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
  const outfitter = path.join(dir, "outfitter");
  await writeFile(
    path.join(outfitter, "corrections.jsonl"),
    JSON.stringify({ id: "c1", question: "Do you sell bikes?", answer: "We do not sell bikes." }) + "\n",
  );
  await writeFile(
    path.join(outfitter, "feedback-cases.jsonl"),
    [
      { id: "f1", question: "Can I buy a bike from you?", expect: { route: "auto", sources: ["c1"] } },
      { id: "f2", question: "Do you sell kayaks?", expect: { route: ["handoff", "approval"] } },
    ]
      .map((c) => JSON.stringify(c))
      .join("\n") + "\n",
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
    // The airline: 7 cases, and at k = 1 and 2 the probes, the cases never loaded (each intent's first 2
    // answerable cases are): a3 (no passage states its fact), a4 (risky) and a7 (its intent's third).
    // The outfitter: 5 cases and 2 feedback probes.
    expect(fitted.trainedOn.map((t) => [t.name, t.samples])).toEqual([
      ["airline", 7 + 3 + 3],
      ["cafe", 4],
      ["outfitter", 5 + 2],
    ]);
    expect(fitted.thresholds.auto).toBeGreaterThan(fitted.thresholds.review);
  });

  it("validates by leaving each help center out with its correction samples, fitted on the other two", () => {
    expect(fitted.validation.map((f) => [f.heldOut, f.trainedOn, f.samples])).toEqual([
      ["airline", ["cafe", "outfitter"], 13],
      ["cafe", ["airline", "outfitter"], 4],
      ["outfitter", ["airline", "cafe"], 7],
    ]);
    for (const fold of fitted.validation) expect(fold.riskyAutoSent).toBe(0);
  });
});
