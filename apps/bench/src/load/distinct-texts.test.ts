import { describe, expect, it } from "vitest";
import { DistinctTexts } from "./distinct-texts";

describe("DistinctTexts", () => {
  it("words a question anew each time it is asked, 72 times before a wording comes back", () => {
    const texts = new DistinctTexts();
    const wordings = Array.from({ length: 72 }, () => texts.next("Do you ship to Canada?"));
    expect(new Set(wordings).size).toBe(72);
    expect(texts.next("Do you ship to Canada?")).toBe(wordings[0]);
  });

  it("keeps the question's words, lowercasing its first letter after a greeting with a comma", () => {
    const texts = new DistinctTexts();
    const wordings = Array.from({ length: 72 }, () => texts.next("How do I reset my password?"));
    expect(wordings[0]).toBe("How do I reset my password?");
    expect(wordings[1]).toBe("Hi, how do I reset my password?");
    for (const w of wordings) expect(w.toLowerCase()).toContain("how do i reset my password?");
  });

  it("counts each question on its own", () => {
    const texts = new DistinctTexts();
    texts.next("Do gift cards expire?");
    expect(texts.next("Do you ship to Canada?")).toBe("Do you ship to Canada?");
  });
});
