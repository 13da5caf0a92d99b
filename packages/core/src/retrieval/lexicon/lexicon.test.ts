import { describe, expect, it } from "vitest";
import { buildLexicon } from "./lexicon";
import { languageTools } from "./language-tools";

describe("Lexicon", () => {
  it("knows WordNet's swearwords and intensifiers, in their inflections, and no plain word", () => {
    const lexicon = buildLexicon(languageTools("en"), []);
    for (const word of ["fucking", "bloody", "goddamn", "damn"])
      expect(lexicon.isExpletive(word), word).toBe(true);
    for (const word of ["refund", "money", "guarantee", "parcel", "fee"])
      expect(lexicon.isExpletive(word), word).toBe(false);
  }, 120_000);
});
