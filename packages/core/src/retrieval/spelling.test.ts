import { describe, expect, it } from "vitest";
import { languageTools } from "./lexicon/language-tools";
import { correctSpelling, isMisspeltFunctionWord } from "./spelling";

const english = languageTools("en");
const stop = (w: string) => english.isFunctionWord(w);
const unknown = () => false;

describe("correctSpelling", () => {
  const vocabulary = new Map([
    ["chang", 4],
    ["exchang", 2],
    ["profil", 1],
  ]);

  it("reads two swapped neighbouring letters as one slip, even at the start of the word", () => {
    expect(correctSpelling("hcange", "hcang", vocabulary, "en")).toBe("chang");
    expect(correctSpelling("exhcange", "exhcang", vocabulary, "en")).toBe("exchang");
  });

  it("leaves a real word alone rather than bending it into the nearest term", () => {
    expect(correctSpelling("change", "chang", new Map([["chant", 1]]), "en")).toBe("chang");
    expect(correctSpelling("kenya", "kenya", new Map([["kenia", 1]]), "en", () => true)).toBe("kenya");
  });
});

describe("isMisspeltFunctionWord", () => {
  it("recognises a function word with one letter changed or two neighbours swapped", () => {
    for (const slip of ["hiw", "acn", "waht", "yuo", "teh"]) {
      expect(isMisspeltFunctionWord(slip, stop, unknown, "en"), slip).toBe(true);
    }
  });

  it("keeps words, names and codes that are not slips of a function word", () => {
    for (const word of [
      "kenya",
      "ups",
      "gps",
      "usps",
      "usd",
      "uae",
      "refund",
      "visa",
      "paypal",
      "liverpool",
    ]) {
      expect(isMisspeltFunctionWord(word, stop, unknown, "en"), word).toBe(false);
    }
  });

  it("keeps a word the lexicon knows", () => {
    expect(isMisspeltFunctionWord("hiw", stop, (w) => w === "hiw", "en")).toBe(false);
  });
});
