import { describe, expect, it } from "vitest";
import { assessMessage } from "../../policy";
import { messageAssessments } from "./message-assessments";

describe("messageAssessments", () => {
  it("gives what assessMessage gives, and the same value again for the same text and language", async () => {
    const assess = messageAssessments();
    const text = "I want a refund for my last order.";
    const first = await assess(text, "en");
    expect(first).toEqual(await assessMessage({ text, helpCenterLanguage: "en" }));
    expect(first.flags.length).toBeGreaterThan(0);
    expect(await assess(text, "en")).toBe(first);
  });

  it("reads a text again for another help-center language", async () => {
    const assess = messageAssessments();
    const text = "Je veux un remboursement pour ma commande.";
    const asEnglish = await assess(text, "en");
    const asFrench = await assess(text, "fr");
    expect(asFrench).not.toBe(asEnglish);
    expect(asFrench).toEqual(await assessMessage({ text, helpCenterLanguage: "fr" }));
    expect(asEnglish).toEqual(await assessMessage({ text, helpCenterLanguage: "en" }));
  });

  it("hands out frozen values, so no caller changes what the next one gets", async () => {
    const flags = (await messageAssessments()("Please cancel my subscription today.", "en")).flags;
    expect(Object.isFrozen(flags)).toBe(true);
    expect(flags.every((f) => Object.isFrozen(f))).toBe(true);
  });
});
