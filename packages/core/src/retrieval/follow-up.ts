import type { TermAnalyzer } from "./analyze";

const ELLIPTICAL_OPENERS =
  /^\s*(and|or|but|also|so|then|what about|how about|same|what if|ok and|okay and)\b/i;
const ANAPHORA = /\b(it|that|this|they|them|those|these|there|one|ones|same)\b/i;

/**
 * Whether a question only makes sense with the previous one ("and to Canada?", "how much is it?").
 * Why these signals: elliptical follow-ups open with a conjunction or lean on a pronoun, and carry
 * at most a couple of topic words of their own.
 */
export function isElliptical(question: string, analyzer: TermAnalyzer): boolean {
  const ownTerms = analyzer.distinctQueryTerms(question).length;
  if (ownTerms === 0) return true;
  if (ownTerms > 3) return false;
  return ELLIPTICAL_OPENERS.test(question) || (ownTerms <= 2 && ANAPHORA.test(question));
}
