import { expectedAnswerType } from "./answer-type";
import { boundedMemo } from "./bounded-memo";
import { namedThingReader } from "./named-things";
import { questionSimilarity, type QueryTerm } from "./question-match";
import { englishWordRoles } from "./word-roles";
import { isAbstractNoun, namesAThing } from "./word-senses";

/** A precedent whose answer opens with a condition the customer did not raise counts this share. */
const UNASKED_CONDITION_FACTOR = 0.5;
/** Weight of the kind of fact a question asks for ("how long", "how much"), next to its 0..1 topic words. */
const ASKED_KIND_WEIGHT = 0.5;
/** A term of the customer's question that a correction's answer says counts this much of its question saying it. */
const ANSWER_FACTOR = 0.85;
/**
 * Weight left to a customer's word that frames the question rather than naming its topic ("kind" in
 * "what kind of plug"), when neither the help center nor any correction uses it.
 */
const FRAMING_WORD_FACTOR = 0.2;
/** Kinds of fact said only by asking words that retrieval drops ("how long", "how much", "how many", "what time"). */
const ASKED_KINDS = new Set(["duration", "amount", "count", "time"]);

/** A term of the customer's question and the word it was read from. */
export type CustomerTerm = QueryTerm & { word: string };

/** An approved correction as question matching reads it. */
export interface CorrectionToMatch {
  /** Its question as written. */
  question: string;
  /** The index terms of its question. */
  terms: ReadonlySet<string>;
  /**
   * The terms of the questions of every correction giving the same answer, or an answer from the same
   * article block (one list, paragraph or table), its own included.
   */
  family: ReadonlySet<string>;
  /** The index terms of its answer. */
  answerTerms: ReadonlySet<string>;
  /** Whether its answer opens with a condition its question's words do not raise ("If an address is flagged ..."). */
  opensWithCondition: boolean;
}

/** What question matching needs to know of the help center's language. */
export interface MatchContext {
  language: string;
  /** Weight of a question term, 0..1 (see questionTermWeights). */
  weight: (term: string) => number;
  /** The index term of a word ("plugs" -> "plug"), null for a stop word. */
  termOf: (word: string) => string | null;
  isStopWord: (word: string) => boolean;
  /** Whether the help center's articles use the term itself. */
  helpCenterSays: (term: string) => boolean;
  /** Whether the articles or the approved corrections (questions or answers) use the term. */
  knowledgeSays: (term: string) => boolean;
  /** The index terms of the word's synonyms that the help center uses (not the places containing it). */
  synonyms: (word: string) => ReadonlySet<string>;
  /** Whether WordNet knows the word as a thing or a kind of thing (not only as an action or a quality). */
  isNoun: (word: string) => boolean;
  /** Whether English uses the word as a swearword or an intensifier in some sense ("fucking", "bloody"). */
  isExpletive: (word: string) => boolean;
}

/** How like a correction's question the customer's is, and what the customer names that it does not. */
export interface CorrectionMatch {
  similarity: number;
  /** Things the customer names that neither the corrections' questions nor the answer name: the answer must. */
  unsaid: Array<{ term: string; word: string }>;
}

/**
 * Matches a customer's question with an approved correction's, question to question. A correction
 * teaches how a kind of question is answered: the things each question names (a place, a brand) fill
 * a slot of it. When the customer names a thing the corrections' questions do not and the help center
 * speaks of ("what plug is used in Japan?" for "which plugs does England use?"), both questions' own
 * things leave the comparison and the rest of the questions must agree; the customer's thing is
 * reported as unsaid, so only an answer that names it can lean on the correction (an article passage
 * on Japan's plugs, not the correction's answer about England). A thing the help center never names
 * stays in the comparison: nothing there answers for it. Asking words retrieval drops ("how long", "how much") are compared too, so
 * "how much is shipping" is not "how long is shipping". A correction is as like the question as the
 * better of its own question and its family's (corrections giving the same answer ask one thing); what
 * the customer asked is measured against its own question.
 */
export function matchCorrection(
  customer: { text: string; terms: readonly CustomerTerm[] },
  correction: CorrectionToMatch,
  context: MatchContext,
): CorrectionMatch {
  const namedByCustomer = namedThingReader(customer.text, context.isStopWord, context.language);
  const namedByCorrection = namedThingReader(correction.question, context.isStopWord, context.language);
  const states = (terms: ReadonlySet<string>, k: QueryTerm): boolean =>
    terms.has(k.term) || k.alternatives.some((a) => terms.has(a.term));
  // An answer states a thing by its name or a synonym: "flights within the Americas" says nothing of
  // Southwest, nor "some countries in South America" of Brazil.
  const answerStates = (k: CustomerTerm): boolean =>
    correction.answerTerms.has(k.term) ||
    [...context.synonyms(k.word)].some((t) => correction.answerTerms.has(t));
  const unstated = customer.terms.filter((k) => !states(correction.family, k) && !answerStates(k));
  // Things the customer names, and kinds of things neither the help center nor any correction speaks of
  // ("spirit" in "does spirit allow two carry-ons?", "gold" in "a gold account"): a correction that
  // does not name them does not answer for them, so the answer must. Words customers keep using in
  // the corrections' questions ("damn", "user") are how customers talk, not things.
  const english = context.language === "en";
  // How this sentence uses a word outranks how English mostly does: "request" in "can I request
  // refunds?" is what the customer wants to do, not a thing an answer must name.
  const roles = english ? englishWordRoles(customer.text) : new Map<string, string>();
  const usedAsNoun = (word: string): boolean => {
    const role = roles.get(word);
    return role !== "verb" && role !== "function";
  };
  // "your fucking money back guarantee", "the bloody refunds": a word English uses as a swearword or an
  // intensifier, and that this sentence does not use as a noun, says how the customer feels.
  const swears = (word: string): boolean =>
    english && context.isExpletive(word) && roles.get(word) !== "noun";
  const unsaid = unstated
    .filter(
      (k) =>
        namedByCustomer(k.word) ||
        (!context.knowledgeSays(k.term) &&
          context.isNoun(k.word) &&
          !swears(k.word) &&
          (!english || (namesAThing(k.word) && usedAsNoun(k.word)))),
    )
    .map((k) => ({ term: k.term, word: k.word }));
  // A word no one in this help center uses that English mostly reads as an abstract noun ("kind",
  // "sort", "manner"), or that this sentence uses for a person or a feeling ("ya" in "can ya help me",
  // "damn", "bloody"), frames what is asked: it weighs little on either side.
  const framing = new Set(
    english
      ? customer.terms
          .filter(
            (k) =>
              !namedByCustomer(k.word) &&
              !context.knowledgeSays(k.term) &&
              (isAbstractNoun(k.word) || roles.get(k.word) === "function" || swears(k.word)),
          )
          .map((k) => k.term)
      : [],
  );
  // A thing the customer names that the corrections' questions do not, and that the help center itself
  // speaks of, takes the place of a thing the correction's question names ("Japan" for "England"). A
  // correction that names nothing ("do I need vaccinations abroad?") has no such place: the customer's
  // thing ("before traveling to Brazil") then narrows the question.
  const ours = customer.terms.filter(
    (k) => namedByCustomer(k.word) && context.helpCenterSays(k.term) && !states(correction.family, k),
  );
  const askedTerms = new Set(customer.terms.flatMap((k) => [k.term, ...k.alternatives.map((a) => a.term)]));
  const named = thingsNamed(correction, namedByCorrection, context);
  const theirs = ours.length === 0 ? [] : named.filter((t) => !askedTerms.has(t));
  const swapped = theirs.length > 0;
  // A correction naming nothing answered the general question; one about a particular thing it does not
  // name by name ("some countries in South America" for "vaccines before traveling to Brazil") is
  // another question, whatever else the two share.
  const narrower = named.length === 0 && unsaid.some((u) => namedByCustomer(u.word));
  const ignore = {
    query: new Set(swapped ? ours.map((k) => k.term) : []),
    question: new Set(swapped ? theirs : []),
  };

  const customerKind = context.language === "en" ? askedKind(customer.text) : null;
  const correctionKind = context.language === "en" ? askedKind(correction.question) : null;
  const query: QueryTerm[] =
    customerKind === null
      ? [...customer.terms]
      : [...customer.terms, { term: customerKind, alternatives: [] }];
  const withKind = (terms: ReadonlySet<string>): ReadonlySet<string> =>
    correctionKind === null ? terms : new Set([...terms, correctionKind]);
  const weight = (term: string): number =>
    term.startsWith("?")
      ? ASKED_KIND_WEIGHT
      : context.weight(term) * (framing.has(term) ? FRAMING_WORD_FACTOR : 1);

  const own = questionSimilarity(query, withKind(correction.terms), weight, ignore);
  const pooled = questionSimilarity(query, withKind(correction.family), weight, ignore);
  const covered = Math.max(
    own.covered,
    pooled.covered,
    coveredWithAnswer(customer.terms, correction, weight, ignore.query, context),
  );
  const exception = own.asked < 1 && correction.opensWithCondition;
  const similarity =
    (covered + own.asked > 0 ? (2 * covered * own.asked) / (covered + own.asked) : 0) *
    (exception ? UNASKED_CONDITION_FACTOR : 1);
  return { similarity: narrower ? 0 : similarity, unsaid };
}

/** Asked kinds of recent texts (2,000 kept): a search compares one question with every correction's. */
const askedKind = boundedMemo(2000, readAskedKind);

/** The kind of fact a question asks with words retrieval drops, as a pseudo-term ("?duration"), or null. */
function readAskedKind(text: string): string | null {
  const type = expectedAnswerType(text);
  return type !== null && ASKED_KINDS.has(type) ? `?${type}` : null;
}

/**
 * How much of the customer's question the corrections' questions and the answer say together, a term
 * the answer says counting ANSWER_FACTOR ("suntan lotion" for a correction on toothpaste whose answer
 * lists sunscreen and lotion).
 */
function coveredWithAnswer(
  query: readonly CustomerTerm[],
  correction: CorrectionToMatch,
  weight: (term: string) => number,
  ignore: ReadonlySet<string>,
  context: MatchContext,
): number {
  const inQuestions = (q: QueryTerm): number =>
    Math.max(
      correction.family.has(q.term) ? 1 : 0,
      ...q.alternatives.map((a) => (correction.family.has(a.term) ? a.factor : 0)),
    );
  const inAnswer = (q: CustomerTerm): number =>
    correction.answerTerms.has(q.term)
      ? 1
      : Math.max(
          0,
          ...q.alternatives.map((a) =>
            correction.answerTerms.has(a.term) && context.synonyms(q.word).has(a.term) ? a.factor : 0,
          ),
        );
  let total = 0;
  let covered = 0;
  for (const q of query) {
    if (ignore.has(q.term)) continue;
    const w = weight(q.term);
    total += w;
    covered += w * Math.max(inQuestions(q), ANSWER_FACTOR * inAnswer(q));
  }
  return total > 0 ? covered / total : 0;
}

/** The terms of a correction's question that name a thing ("england", "costa_rica"). */
function thingsNamed(
  correction: CorrectionToMatch,
  named: (word: string) => boolean,
  context: MatchContext,
): string[] {
  const out = new Set<string>();
  for (const term of correction.terms) if (term.includes("_") && named(term)) out.add(term);
  for (const word of correction.question.split(/[^\p{L}\p{N}'’-]+/u)) {
    const term = word.length > 0 ? context.termOf(word) : null;
    if (term !== null && correction.terms.has(term) && named(word.toLowerCase())) out.add(term);
  }
  return [...out];
}
