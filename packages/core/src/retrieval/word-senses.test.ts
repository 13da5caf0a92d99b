import { describe, expect, it } from "vitest";
import { isAbstractNoun, namesAThing, wordUse } from "./word-senses";

describe("word senses from WordNet's tagged counts", () => {
  it("reads 'kind' and 'sort' as abstract nouns that name no thing", () => {
    for (const word of ["kind", "sort"]) {
      expect(isAbstractNoun(word)).toBe(true);
      expect(namesAThing(word)).toBe(false);
    }
  });

  it("reads concrete nouns as things, tagged or not ('lotion', 'sockets', 'spirit', 'senior')", () => {
    for (const word of ["lotion", "sockets", "spirit", "senior"]) {
      expect(namesAThing(word)).toBe(true);
      expect(isAbstractNoun(word)).toBe(false);
    }
  });

  it("knows nothing of a word WordNet does not list, and no noun in 'different'", () => {
    expect(wordUse("xqzt")).toBeNull();
    expect(namesAThing("xqzt")).toBe(false);
    expect(namesAThing("different")).toBe(false);
  });
});
