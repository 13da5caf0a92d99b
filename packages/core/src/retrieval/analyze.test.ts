import { describe, expect, it } from "vitest";
import { TermAnalyzer, tokenize } from "./analyze";
import { languageTools } from "./lexicon/language-tools";
import { buildLexicon, Lexicon } from "./lexicon/lexicon";
import { splitSentences } from "./sentences";

const plain = new TermAnalyzer(Lexicon.plain(languageTools("en")));

describe("text analysis", () => {
  it("drops function words and question framing so only topic words remain", () => {
    expect(plain.queryTerms("How do I get my invoice?")).toEqual(["invoic"]);
    expect(plain.queryTerms("I need help to check what I can know")).toEqual([]);
  });

  it("brings inflections of one word together", () => {
    const terms = (w: string) => plain.queryTerms(w)[0];
    expect(new Set(["shipping", "shipped", "ships"].map(terms))).toEqual(new Set(["ship"]));
    expect(terms("cancelled")).toBe(terms("canceled"));
    expect(terms("reimbursement")).toBe(terms("reimburse"));
  });

  it("reads a place's name as the place, not as its words: 'South Africa' says nothing of Africa", () => {
    const text = "South Africa uses Type M plugs. Some countries in Africa require a vaccine.";
    const english = new TermAnalyzer(buildLexicon(languageTools("en"), [tokenize(text)]));
    const [southAfrica = "", continent = ""] = splitSentences(text);
    expect(english.documentTerms(southAfrica)).toContain("south_africa");
    expect(english.documentTerms(southAfrica)).not.toContain("africa");
    expect(english.documentTerms(continent)).toContain("africa");
    expect(english.documentTerms("Type M plugs")).toContain("type");
  }, 60_000);

  it("keeps dotted and capitalised acronyms as words, never as stop words", () => {
    expect(tokenize("Ships to the U.S. and the UK")).toEqual([
      "ships",
      "to",
      "the",
      "us",
      "and",
      "the",
      "uk",
    ]);
    expect(plain.queryTerms("Do you ship to the U.S.?")).toEqual(["ship", "us"]);
  });

  it("reads a customer's words through the help center's: synonyms and places inside places it names", () => {
    const lexicon = buildLexicon(languageTools("en"), [
      tokenize("Checked baggage allowance. Ireland, Canada and the United Kingdom use plugs."),
    ]);
    const analyzer = new TermAnalyzer(lexicon);
    expect(lexicon.expand("luggage")).toContainEqual(
      expect.objectContaining({ term: "baggag", via: "synonym" }),
    );
    for (const [place, country] of [
      ["Dublin", "ireland"],
      ["Toronto", "canada"],
      ["Liverpool", "united_kingdom"],
    ] as const) {
      expect(
        lexicon.expand(place).map((e) => e.term),
        place,
      ).toContain(country);
    }
    expect(analyzer.queryTerms("flights to the united kingdom")).toEqual(["flight", "united_kingdom"]);
  });

  it("reads a word that is first a common noun as that noun, not as the place it also names", () => {
    const lexicon = buildLexicon(languageTools("en"), [tokenize("We fly to the United States and Canada.")]);
    const places = (word: string) => lexicon.expand(word).filter((e) => e.via === "place");
    // "southwest" is first the compass point, then the region of the United States.
    expect(places("southwest")).toEqual([]);
    // "Toronto" is first the city, and it lies in Canada.
    expect(places("toronto").map((e) => e.term)).toContain("canada");
  });

  it("looks synonyms up by the customer's word, not its stem: a stem can join words of other senses", () => {
    const lexicon = buildLexicon(languageTools("en"), [tokenize("Correct the address. Bikes and luggage.")]);
    // "compensate" can mean "correct"; "compensation" (money for a loss) shares its stem, not that sense.
    expect(lexicon.expand("compensate").map((e) => e.term)).toContain("correct");
    expect(lexicon.expand("compensation").map((e) => e.term)).not.toContain("correct");
    // Inflected forms still find their lemma's synonyms.
    expect(lexicon.expand("bicycles").map((e) => e.term)).toContain("bike");
  });

  it("splits text into sentences, keeping acronyms, abbreviations and prices whole", () => {
    expect(
      splitSentences(
        "Guam and the U.S. Virgin Islands are U.S. territories. You need an ID. Fees, e.g. $3.50, apply.",
      ),
    ).toEqual([
      "Guam and the U.S. Virgin Islands are U.S. territories.",
      "You need an ID.",
      "Fees, e.g. $3.50, apply.",
    ]);
  });
});
