import { describe, expect, it } from "vitest";
import { categoryOptions } from "./category-options";

describe("category options", () => {
  it("offers each article's first tag once, the corrections category, and categories the settings name", () => {
    const articles = [
      { tags: ["shipping", "delivery"] },
      { tags: ["shipping", "international"] },
      { tags: [] },
    ];
    const settings = {
      categoryThresholds: { returns: { auto: 0.9, review: 0.5 } },
      softGateCategories: ["billing"],
      shadowCategories: ["wholesale"],
    };
    expect(categoryOptions(articles, settings)).toEqual([
      "billing",
      "corrections",
      "returns",
      "shipping",
      "wholesale",
    ]);
  });

  it("works before the settings have loaded", () => {
    expect(categoryOptions([{ tags: ["account"] }], null)).toEqual(["account", "corrections"]);
  });
});
