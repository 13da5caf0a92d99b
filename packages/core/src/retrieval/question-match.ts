/**
 * Question-to-question matching for approved corrections: a correction answers one question, so a
 * customer's message is compared with the corrections' questions, not with their answers.
 */

/** A term of the customer's question and the help-center terms that may stand for it (synonyms). */
export interface QueryTerm {
  term: string;
  alternatives: ReadonlyArray<{ term: string; factor: number }>;
}

/** How alike two questions are, 0..1, and the two shares it is made of. */
export interface QuestionSimilarity {
  /** Harmonic mean of `covered` and `asked`: high only when each question says what the other asks. */
  similarity: number;
  /** Weighted share of the customer's question the other question says. */
  covered: number;
  /** Weighted share of the other question the customer asked. */
  asked: number;
}

/**
 * Weights of question terms by how rare they are among the questions (inverse document frequency,
 * scaled to 0..1 by the weight of a term no question says). Words every customer uses when asking
 * ("help", "check", "need") weigh little; the thing asked about weighs most. Learned from the approved
 * corrections' own questions, so it knows nothing of any one help center in advance.
 */
export function questionTermWeights(questions: ReadonlyArray<ReadonlySet<string>>): (term: string) => number {
  const df = new Map<string, number>();
  for (const terms of questions) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  const n = questions.length;
  const idf = (count: number): number => Math.log(1 + (n + 1) / (count + 0.5));
  const most = idf(0);
  return (term) => idf(df.get(term) ?? 0) / most;
}

/** Terms left out of a comparison: the customer's (`query`) and the other question's (`question`). */
export interface IgnoredTerms {
  query: ReadonlySet<string>;
  question: ReadonlySet<string>;
}

const NONE: IgnoredTerms = { query: new Set(), question: new Set() };

/**
 * Compares a customer's question with another question (an approved correction's): how much of each
 * the other says, a term matching itself fully and through a synonym at the synonym's factor, each
 * weighted by `weight`. "Does Lumen support dark mode?" and "Is there a dark mode?" share their topic;
 * "use another account" and "close my account" share only a word every account question says. Ignored
 * terms count on neither side (the things each question names, when they differ: see correction-match).
 */
export function questionSimilarity(
  query: readonly QueryTerm[],
  question: ReadonlySet<string>,
  weight: (term: string) => number,
  ignore: IgnoredTerms = NONE,
): QuestionSimilarity {
  let queryTotal = 0;
  let covered = 0;
  const standsFor = new Map<string, number>();
  for (const q of query) {
    if (ignore.query.has(q.term)) continue;
    const w = weight(q.term);
    queryTotal += w;
    let factor = question.has(q.term) ? 1 : 0;
    for (const alt of q.alternatives) if (alt.factor > factor && question.has(alt.term)) factor = alt.factor;
    covered += w * factor;
    standsFor.set(q.term, 1);
    for (const alt of q.alternatives)
      if (alt.factor > (standsFor.get(alt.term) ?? 0)) standsFor.set(alt.term, alt.factor);
  }
  let questionTotal = 0;
  let asked = 0;
  for (const term of question) {
    if (ignore.question.has(term)) continue;
    const w = weight(term);
    questionTotal += w;
    asked += w * (standsFor.get(term) ?? 0);
  }
  const coveredShare = queryTotal > 0 ? covered / queryTotal : 0;
  const askedShare = questionTotal > 0 ? asked / questionTotal : 0;
  const similarity =
    coveredShare + askedShare > 0 ? (2 * coveredShare * askedShare) / (coveredShare + askedShare) : 0;
  return { similarity, covered: coveredShare, asked: askedShare };
}
