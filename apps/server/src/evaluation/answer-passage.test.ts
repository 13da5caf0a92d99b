import { describe, expect, it } from "vitest";
import { articleUnits, passageStating } from "./answer-passage";

const SHIPPING = `We offer these delivery options in the U.S. today. Prices are per order.

- **Standard:** $5.95, free on orders of $75 or more.
- **Express:** $14.95.
- **Next Day:** $24.95,
  booked by 2 pm.

## Pickup

| option | ready |
|---|---|
| Store pickup | 2 hours |

Pickup is free. Orders are held for 7 days.`;

describe("articleUnits", () => {
  it("splits paragraphs into sentences, keeps list items with their continuation lines and table rows, drops headings and rules", () => {
    expect(articleUnits(SHIPPING)).toEqual([
      { text: "We offer these delivery options in the U.S. today.", kind: "sentence" },
      { text: "Prices are per order.", kind: "sentence" },
      { text: "**Standard:** $5.95, free on orders of $75 or more.", kind: "item" },
      { text: "**Express:** $14.95.", kind: "item" },
      { text: "**Next Day:** $24.95, booked by 2 pm.", kind: "item" },
      { text: "| option | ready |", kind: "row" },
      { text: "| Store pickup | 2 hours |", kind: "row" },
      { text: "Pickup is free.", kind: "sentence" },
      { text: "Orders are held for 7 days.", kind: "sentence" },
    ]);
  });
});

describe("passageStating", () => {
  const articles = [
    { id: "shipping", body: SHIPPING },
    { id: "short", body: "Express costs $14.95 here." },
  ];

  it("picks the shortest single unit of any source article that states every fact", () => {
    expect(passageStating(["express", "$14.95"], articles)).toEqual({
      articleId: "shipping",
      text: "**Express:** $14.95.",
    });
  });

  it("matches a fact through its alternatives and ignores Markdown emphasis and case", () => {
    expect(passageStating([["24 dollars", "$24.95"], "next day:"], articles)?.text).toBe(
      "**Next Day:** $24.95, booked by 2 pm.",
    );
  });

  it("joins consecutive units of one article when no single unit states them all", () => {
    expect(passageStating(["Express", "Next Day"], articles)).toEqual({
      articleId: "shipping",
      text: "**Express:** $14.95.\n**Next Day:** $24.95, booked by 2 pm.",
    });
    expect(passageStating(["free", "7 days"], articles)?.text).toBe(
      "Pickup is free. Orders are held for 7 days.",
    );
  });

  it("finds nothing when no article states every fact", () => {
    expect(passageStating(["$14.95", "overnight"], articles)).toBeNull();
  });
});
