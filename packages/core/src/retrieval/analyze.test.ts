import { describe, expect, it } from "vitest";
import { analyze, distinctTerms } from "./analyze";
import { splitSentences } from "./sentences";
import { stem } from "./stem";

describe("text analysis", () => {
  it("drops function words and question scaffolding so only topic words remain", () => {
    expect(analyze("How do I get my invoice?")).toEqual(["receipt"]);
    expect(analyze("It doesn't work.")).toEqual([]);
  });

  it("brings inflections of one word together", () => {
    expect(new Set(["shipping", "shipped", "ships"].map(stem))).toEqual(new Set(["ship"]));
    expect(stem("cancelled")).toBe(stem("canceled"));
    expect(stem("PayPal")).toBe("paypal");
  });

  it("folds everyday synonyms of one support concept into one term", () => {
    expect(distinctTerms("Do you carry e-bikes?")).toEqual(distinctTerms("Do you sell bicycles?"));
    expect(distinctTerms("Do veterans get a discount?")).toEqual(distinctTerms("military discount"));
    expect(distinctTerms("How much is it?")).toContain("cost");
  });

  it("splits Markdown into sentences without list markers or emphasis", () => {
    expect(
      splitSentences("Intro line. Second one.\n\n- **Standard** arrives in 3 days.\n- Express in 1."),
    ).toEqual(["Intro line.", "Second one.", "Standard arrives in 3 days.", "Express in 1."]);
  });
});
