import { describe, expect, it } from "vitest";
import type { Settings } from "@handoff/contracts";
import { fromDraft, toDraft } from "./settings-draft";

const saved: Settings = {
  thresholds: { auto: 0.8, review: 0.45 },
  categoryThresholds: { shipping: { auto: 0.75, review: 0.4 } },
  approvalDeadlineMinutes: 10,
  handoffDeadlineMinutes: 5,
  approvalTimeoutPolicy: "escalate",
  softGateCategories: ["shipping"],
  shadowCategories: [],
  helpCenterUrl: "/#help-{id}",
  riskRoutes: { cancellation: "handoff" },
  customRiskPhrases: [{ phrase: "chargeback", category: "money_movement" }],
};

describe("settings form", () => {
  it("round-trips saved settings unchanged", () => {
    expect(fromDraft(toDraft(saved))).toEqual({ settings: saved, errors: null });
  });

  it("refuses a review threshold at or above the auto threshold, globally and per category", () => {
    const draft = toDraft(saved);
    const result = fromDraft({
      ...draft,
      review: "0.8",
      categories: [{ category: "shipping", auto: "0.5", review: "0.6" }],
    });
    expect(result.errors).toEqual({
      thresholds: "The review threshold must be below the auto threshold.",
      "category:0": "The review threshold must be below the auto threshold.",
    });
  });

  it("refuses blanks, numbers outside 0..1, unnamed and repeated categories", () => {
    const draft = toDraft(saved);
    const result = fromDraft({
      ...draft,
      auto: "",
      categories: [
        { category: "", auto: "0.9", review: "0.5" },
        { category: "shipping", auto: "1.5", review: "0.5" },
        { category: "shipping", auto: "0.9", review: "0.5" },
      ],
    });
    expect(result.errors).toEqual({
      thresholds: "Enter both thresholds as numbers.",
      "category:0": "Name the category.",
      "category:1": "Thresholds are numbers from 0 to 1.",
      "category:2": "shipping is listed twice.",
    });
  });

  it("refuses deadlines that are not whole minutes and a help-center link without {id}", () => {
    const result = fromDraft({
      ...toDraft(saved),
      approvalDeadlineMinutes: "2.5",
      helpCenterUrl: "https://help.example.com/",
    });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(["approvalDeadlineMinutes", "helpCenterUrl"]);
  });

  it("refuses a risk phrase shorter than 2 characters and trims the others", () => {
    const draft = toDraft(saved);
    const result = fromDraft({
      ...draft,
      customRiskPhrases: [
        { phrase: " x ", category: "legal" },
        { phrase: " small claims ", category: "legal" },
      ],
    });
    expect(result.errors).toEqual({ "phrase:0": "A phrase needs at least 2 characters." });
    const fine = fromDraft({
      ...draft,
      customRiskPhrases: [{ phrase: " small claims ", category: "legal" }],
    });
    expect(fine.settings?.customRiskPhrases).toEqual([{ phrase: "small claims", category: "legal" }]);
  });

  it("an empty help-center link means none", () => {
    expect(fromDraft({ ...toDraft(saved), helpCenterUrl: " " }).settings?.helpCenterUrl).toBeNull();
  });
});
