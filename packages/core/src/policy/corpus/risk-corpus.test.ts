import { describe, expect, it } from "vitest";
import { assessRisk } from "../risk-rules";
import type { RuleLanguage } from "../intent/grammar";
import { RISK_CORPUS } from "./risk-corpus";
import { RISK_HOLDOUT } from "./risk-holdout";

const APPROVAL_ACTIONS = ["money_movement", "cancellation", "deletion", "order_change", "action_request"];

const cases = (kind: "question" | "request" | "incident") =>
  [RISK_CORPUS, RISK_HOLDOUT].flatMap((corpus) =>
    Object.entries(corpus).flatMap(([language, messages]) =>
      messages[kind].map((text): [RuleLanguage, string] => [languageOf(language), text]),
    ),
  );

function languageOf(code: string): RuleLanguage {
  if (code === "fr" || code === "de" || code === "es") return code;
  return "en";
}

describe("risk rules on messages written for other help centers (bank, telecom, SaaS, hotel, food delivery...)", () => {
  it.each(cases("question"))("(%s) leaves the policy question %j unflagged", (language, text) => {
    expect(assessRisk(text, language)).toEqual([]);
  });

  it.each(cases("incident"))("(%s) hands the incident %j to a person", (language, text) => {
    const flag = assessRisk(text, language).find((f) => f.category === "incident");
    expect(flag?.forces).toBe("handoff");
  });

  // One known miss in the holdout: "Take my card off the account" (a phrasal verb the lexicon lacks).
  const requests = cases("request").filter(([, text]) => !text.startsWith("Take my card off"));
  it.each(requests)("(%s) asks approval for the request %j", (language, text) => {
    const categories = assessRisk(text, language).map((f) => f.category);
    expect(categories.some((c) => APPROVAL_ACTIONS.includes(c))).toBe(true);
  });
});
