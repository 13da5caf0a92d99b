import { describe, expect, it } from "vitest";
import { detailsLine, pageOf } from "./audit-search";

describe("the audit list", () => {
  it("pages a list and clamps a page past the end", () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(pageOf(items, 0, 25)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(items, 2, 25).items).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(pageOf(items, 9, 25).page).toBe(2);
    expect(pageOf([], 0, 25)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it("writes details on one line, skipping empty values and shortening long ones", () => {
    expect(detailsLine({ route: "approval", flags: [], note: null, score: 0.5 })).toBe(
      "route: approval · score: 0.5",
    );
    expect(detailsLine({ text: "x".repeat(300) }, 20)).toHaveLength(20);
  });
});
