import { describe, expect, it } from "vitest";
import { restates } from "./restates";

describe("restates", () => {
  it("reads an answer whose every term another states as the same answer, whichever is shorter", () => {
    const correction = ["fee", "cancel", "order"];
    const article = ["cancel", "fee", "earli", "termin", "penalti", "order", "membership"];
    expect(restates(correction, article)).toBe(true);
    expect(restates(article, correction)).toBe(true);
  });

  it("reads an answer with a term the other lacks as another answer", () => {
    expect(restates(["fee", "cancel", "order", "5"], ["cancel", "fee", "order", "membership", "plus"])).toBe(
      false,
    );
  });

  it("does not read an answer of fewer than three terms as restated: too little is said to agree", () => {
    expect(restates(["fee", "cancel"], ["cancel", "fee", "order"])).toBe(false);
  });
});
