import { describe, expect, it } from "vitest";
import { eld as eldExtraSmall } from "eld/extrasmall";
import { eld as eldSmall } from "eld/small";
import { RISK_CORPUS } from "../corpus/risk-corpus";
import { loadEldDetector, type LanguageDetector } from "./eld-detector";

const texts = [
  ...Object.values(RISK_CORPUS).flatMap((corpus) => [
    ...corpus.question,
    ...corpus.request,
    ...corpus.incident,
  ]),
  "ok",
  "refund?",
  "do uudeliver to Liverpool",
  "Vorrei annullare il mio ordine",
  "Почему мой заказ ещё не пришёл?",
  "注文はいつ届きますか",
  "مرحبا، أين طلبي؟",
  "😀 thanks!!",
  "",
];

const verdicts = (detector: LanguageDetector) =>
  texts.map((text) => {
    const result = detector.detect(text);
    return { text, language: result.language, scores: result.getScores(), reliable: result.isReliable() };
  });

describe("loadEldDetector", () => {
  it("gives eld's own verdicts and scores with the extra-small database held as a table", async () => {
    expect(verdicts(await loadEldDetector("extrasmall"))).toEqual(verdicts(eldExtraSmall));
  });

  it("gives eld's own verdicts and scores with the small database held as a table", async () => {
    const compact = verdicts(await loadEldDetector("small"));
    expect(compact).toEqual(verdicts(eldSmall));
    // The comparison means something only if the texts tell languages apart.
    expect(new Set(compact.map((v) => v.language)).size).toBeGreaterThanOrEqual(6);
  });
});
