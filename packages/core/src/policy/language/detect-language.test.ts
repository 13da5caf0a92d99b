import { describe, expect, it } from "vitest";
import { RISK_CORPUS } from "../corpus/risk-corpus";
import { detectLanguage, inOtherLanguage, languageName } from "./detect-language";

describe("detectLanguage", () => {
  it("names the language of short customer messages in English, French, German and Spanish", async () => {
    const samples = Object.entries(RISK_CORPUS).flatMap(([code, corpus]) =>
      [...corpus.question, ...corpus.request, ...corpus.incident].map((text) => ({ code, text })),
    );
    const wrong: string[] = [];
    for (const { code, text } of samples) {
      const found = await detectLanguage(text);
      if (found.code !== code) wrong.push(`${code} -> ${found.code}: ${text}`);
    }
    // 301 messages; eld (small) got all but at most a handful right when this was written.
    expect(wrong.length, wrong.join("\n")).toBeLessThanOrEqual(3);
  });

  it("returns no language for a text too short to tell", async () => {
    expect((await detectLanguage("ok")).code).toBeNull();
  });

  it("counts a message as foreign only when it clearly scores above the help center's language", async () => {
    expect(inOtherLanguage(await detectLanguage("Vorrei annullare il mio ordine"), "en")).toBe(true);
    expect(inOtherLanguage(await detectLanguage("Mi paquete nunca llegó"), "en")).toBe(true);
    expect(inOtherLanguage(await detectLanguage("How long does standard shipping take?"), "en")).toBe(false);
    expect(inOtherLanguage(await detectLanguage("do uudeliver to Liverpool"), "en")).toBe(false);
    expect(inOtherLanguage(await detectLanguage("Mi paquete nunca llegó"), null)).toBe(false);
  });

  it("names a language for people", () => {
    expect(languageName("fr")).toBe("French (fr)");
  });
});
