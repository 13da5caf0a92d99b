import { describe, expect, it } from "vitest";
import { titleHead } from "./title-head";

describe("titleHead", () => {
  it("keeps the words before the first preposition: what the article is about", () => {
    expect(titleHead("Liquids, sharp items and lighters in your carry-on")).toBe(
      "Liquids, sharp items and lighters",
    );
    expect(titleHead("Carry-on bags and personal items")).toBe("Carry-on bags and personal items");
    expect(titleHead("Change of address")).toBe("Change of address");
    expect(titleHead("Flüssigkeiten im Handgepäck", "de")).toBe("Flüssigkeiten");
    expect(titleHead("Liquides dans votre bagage cabine", "fr")).toBe("Liquides");
  });

  it("takes a title that opens with a preposition as all head", () => {
    expect(titleHead("In-store pickup")).toBe("In-store pickup");
    expect(titleHead("About our rewards program")).toBe("About our rewards program");
  });
});
