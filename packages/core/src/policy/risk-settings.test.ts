import { describe, expect, it } from "vitest";
import { assessRisk } from "./risk-rules";
import { applyRiskSettings } from "./risk-settings";

const none = { riskRoutes: {}, customRiskPhrases: [] };

describe("a supervisor's risk settings", () => {
  it("leave the built-in routes alone when nothing is set", () => {
    const flags = assessRisk("Please refund my order #1234");
    expect(applyRiskSettings(flags, "Please refund my order #1234", none)).toEqual(flags);
  });

  it("can send a category to a person instead of an approval", () => {
    const question = "Please refund my order #1234";
    const flags = applyRiskSettings(assessRisk(question), question, {
      ...none,
      riskRoutes: { money_movement: "handoff" },
    });
    expect(flags.find((f) => f.category === "money_movement")?.forces).toBe("handoff");
  });

  it("raise a flag for a team's own phrase, as a whole word in any case", () => {
    const settings = {
      ...none,
      customRiskPhrases: [{ phrase: "chargeback", category: "money_movement" as const }],
    };
    expect(applyRiskSettings([], "I will file a Chargeback with my bank", settings)).toEqual([
      { category: "money_movement", forces: "approval", evidence: "Chargeback" },
    ]);
    expect(applyRiskSettings([], "what are chargebacks?", settings)).toEqual([]);
  });

  it("treat a phrase with regex characters literally", () => {
    const settings = { ...none, customRiskPhrases: [{ phrase: "c.o.d", category: "legal" as const }] };
    expect(applyRiskSettings([], "is cxoxd ok", settings)).toEqual([]);
    expect(applyRiskSettings([], "is c.o.d ok", settings)[0]?.forces).toBe("handoff");
  });
});
