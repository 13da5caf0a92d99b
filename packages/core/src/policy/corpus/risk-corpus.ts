import { RISK_CORPUS_DE } from "./risk-corpus-de";
import { RISK_CORPUS_EN } from "./risk-corpus-en";
import { RISK_CORPUS_ES } from "./risk-corpus-es";
import { RISK_CORPUS_FR } from "./risk-corpus-fr";

/**
 * Customer messages by what the customer is doing: asking about policy (must raise nothing), asking
 * us to act on their own order, booking, account or payment (approval), or reporting something that
 * happened to them (incident: a person).
 */
export interface RiskCorpus {
  question: string[];
  request: string[];
  incident: string[];
}

/** The test corpus by language (ISO 639-1). */
export const RISK_CORPUS: Readonly<Record<"en" | "fr" | "de" | "es", RiskCorpus>> = {
  en: RISK_CORPUS_EN,
  fr: RISK_CORPUS_FR,
  de: RISK_CORPUS_DE,
  es: RISK_CORPUS_ES,
};
