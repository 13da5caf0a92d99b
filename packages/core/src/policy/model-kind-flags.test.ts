import { describe, expect, it } from "vitest";
import type { RiskFlag } from "@handoff/contracts";
import { modelKindFlags } from "./model-kind-flags";

const cancel: RiskFlag = { category: "cancellation", forces: "approval", evidence: "cancel my order 4471" };

describe("modelKindFlags", () => {
  it("adds approval for a request to act and a person for an incident the rules missed", () => {
    expect(
      modelKindFlags({ messageKind: "action_request" }, [], "en").map((f) => [f.category, f.forces]),
    ).toEqual([["action_request", "approval"]]);
    expect(modelKindFlags({ messageKind: "incident" }, [], "en").map((f) => [f.category, f.forces])).toEqual([
      ["incident", "handoff"],
    ]);
  });

  it("adds nothing for a question, a complaint or other, and never removes a rule's flag", () => {
    for (const kind of ["question", "complaint", "other"] as const)
      expect(modelKindFlags({ messageKind: kind, language: "en" }, [cancel], "en")).toEqual([]);
  });

  it("does not repeat what a rule already raised", () => {
    expect(modelKindFlags({ messageKind: "action_request" }, [cancel], "en")).toEqual([]);
  });

  it("flags a language other than the help center's, or one the rules cannot read", () => {
    expect(modelKindFlags({ messageKind: "question", language: "es" }, [], "en")[0]?.evidence).toBe(
      "the model read Spanish (es); help center in English (en)",
    );
    expect(modelKindFlags({ messageKind: "question", language: "it" }, [], null)[0]?.category).toBe(
      "unsupported_language",
    );
    expect(modelKindFlags({ messageKind: "question", language: "en" }, [], "en")).toEqual([]);
  });

  it("adds nothing without a model draft or a reading", () => {
    expect(modelKindFlags(null, [], "en")).toEqual([]);
    expect(modelKindFlags({}, [], "en")).toEqual([]);
  });
});
