import { describe, expect, it } from "vitest";
import { namedThingReader } from "./named-things";

const STOP = new Set(["the", "of", "a", "in", "does", "is", "there", "what", "which"]);
const isStopWord = (word: string) => STOP.has(word);

describe("namedThingReader", () => {
  it("takes a capitalised word inside a sentence for a name, whatever WordNet knows of it", () => {
    const named = namedThingReader("Does Spirit allow two carry-ons?", isStopWord, "en");
    expect(named("spirit")).toBe(true);
    expect(named("allow")).toBe(false);
  });

  it("takes the places WordNet names for names in a message written all in lowercase", () => {
    const named = namedThingReader("what plugs does japan use", isStopWord, "en");
    expect(named("japan")).toBe(true);
    expect(named("plugs")).toBe(false);
    expect(named("costa_rica")).toBe(true);
  });

  it("reads a place name its writer left in lowercase, in a message they capitalised, as a common word", () => {
    const named = namedThingReader("Is there a mobile app? I use Android.", isStopWord, "en");
    expect(named("mobile")).toBe(false);
    expect(named("android")).toBe(true);
    const opening = namedThingReader("How do I apply for a seasonal job?", isStopWord, "en");
    expect(opening("job")).toBe(false);
  });

  it("does not take a phrase opening with a function word for a name ('the city of orlando')", () => {
    const named = namedThingReader("which timezone contains the city of orlando", isStopWord, "en");
    expect(named("the_city")).toBe(false);
    expect(named("orlando")).toBe(true);
  });

  it("reads nothing into German capitals, which every noun has", () => {
    const named = namedThingReader("Wie lange dauert der Versand nach Japan?", isStopWord, "de");
    expect(named("versand")).toBe(false);
  });
});
