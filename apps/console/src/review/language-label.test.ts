import { describe, expect, it } from "vitest";
import { languageLabel } from "./language-label";

describe("languageLabel", () => {
  it("names the customer's language with its code", () => {
    expect(languageLabel("fr")).toBe("French (fr)");
    expect(languageLabel("de")).toBe("German (de)");
  });

  it("says when the language was not detected, and shows a malformed code as it is", () => {
    expect(languageLabel(null)).toBe("Not detected");
    expect(languageLabel("x!")).toBe("x!");
  });
});
