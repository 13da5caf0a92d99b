import { describe, expect, it } from "vitest";
import { changeSize, wordDiff } from "./word-diff";

describe("word diff between the bot's draft and the human answer", () => {
  it("marks the replaced word as removed and its replacement as added, keeping the rest", () => {
    const segments = wordDiff("Delivery takes 3 days.", "Delivery takes 5 days.");
    expect(segments.filter((s) => s.kind === "removed").map((s) => s.text.trim())).toEqual(["3"]);
    expect(segments.filter((s) => s.kind === "added").map((s) => s.text.trim())).toEqual(["5"]);
    expect(segments.map((s) => s.text).join("")).toContain("Delivery takes");
  });

  it("reads back each version from its own segments", () => {
    const before = "We refund within 30 days of delivery.";
    const after = "We refund or replace within 30 days, even if the bag is open.";
    const segments = wordDiff(before, after);
    const text = (kinds: string[]) =>
      segments
        .filter((s) => kinds.includes(s.kind))
        .map((s) => s.text)
        .join("");
    expect(text(["same", "removed"])).toBe(before);
    expect(text(["same", "added"])).toBe(after);
  });

  it("finds nothing to mark when the texts are equal", () => {
    expect(wordDiff("Same answer.", "Same answer.").every((s) => s.kind === "same")).toBe(true);
  });

  it("counts added and removed words", () => {
    expect(changeSize(wordDiff("one two three", "one four five three"))).toEqual({ added: 2, removed: 1 });
  });
});
