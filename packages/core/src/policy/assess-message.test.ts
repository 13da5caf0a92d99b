import { describe, expect, it } from "vitest";
import { assessMessage } from "./assess-message";

const categories = async (text: string, helpCenterLanguage: string | null) =>
  (await assessMessage({ text, helpCenterLanguage })).flags.map((f) => f.category);

describe("assessMessage", () => {
  it("reads a message with its own language's rules and says which language it is", async () => {
    const result = await assessMessage({
      text: "On m'a volé ma carte bancaire ce matin.",
      helpCenterLanguage: "fr",
    });
    expect(result.language).toBe("fr");
    expect(result.flags.map((f) => f.category)).toEqual(["incident"]);
  });

  it("never lets a message in another language than the help center's go out alone", async () => {
    const result = await assessMessage({
      text: "¿Cuánto tarda una transferencia internacional?",
      helpCenterLanguage: "en",
    });
    expect(result.language).toBe("es");
    expect(result.flags).toEqual([
      {
        category: "unsupported_language",
        forces: "approval",
        evidence: "message in Spanish (es); help center in English (en)",
      },
    ]);
  });

  it("flags a language the risk rules cannot read even when the help center is written in it", async () => {
    expect(await categories("Vorrei sapere quanto costa la spedizione in Italia", "it")).toEqual([
      "unsupported_language",
    ]);
  });

  it("raises nothing for a policy question in the help center's language", async () => {
    expect(await categories("How long does an international wire transfer take?", "en")).toEqual([]);
    expect(await categories("Wie lange dauert eine Auslandsüberweisung?", "de")).toEqual([]);
  });

  it("does not take a short English message the detector misreads for another language", async () => {
    // eld calls this one Malay; it is built from English grammar words.
    const result = await assessMessage({ text: "I forgot my password", helpCenterLanguage: "en" });
    expect(result).toEqual({ flags: [], language: "en" });
  });

  it("reads a message too short to tell with the help center's rules", async () => {
    const result = await assessMessage({ text: "refund $299", helpCenterLanguage: "en" });
    expect(result.flags.map((f) => f.category)).toContain("money_movement");
    expect(result.flags.map((f) => f.category)).not.toContain("unsupported_language");
  });
});
