import type { RetrievalHit } from "../../ports/model";
import { WEAK_TERMS, analyze } from "../../retrieval/analyze";
import { splitSentenceParts, splitSentences } from "../../retrieval/sentences";
import { satisfiesAnswerType, type AnswerType } from "../../retrieval/answer-type";

/** At most this many sentences make an extractive answer: enough for a fact and its condition. */
const MAX_SENTENCES = 3;

/** An answer cut from one knowledge item, with the question terms it states. */
export interface Extract {
  text: string;
  /** Key terms the answer text (or the item's title, which frames it) contains. */
  covered: Set<string>;
  /** Guidance terms the answer text contains. */
  guided: Set<string>;
  sentenceCount: number;
}

interface Sentence {
  index: number;
  text: string;
  terms: ReadonlySet<string>;
  /** Terms of a list item's label (its opening words): what the item is about. */
  lead: ReadonlySet<string>;
}

/** How many opening words of a list item name what it is about. */
const LEAD_WORDS = 4;
/** A key term in a list item's label counts this much more than one elsewhere. */
const LEAD_FACTOR = 1.5;

/**
 * Picks the sentences of an article that answer the question: greedily the sentence adding the most
 * not-yet-stated key terms (reviewer guidance terms count double, since a person asked for them;
 * stating the asked-for kind of fact, such as an amount for "how much", counts as one more term),
 * up to three, kept in article order so the answer reads as written. A correction is a complete human
 * answer and is used verbatim.
 */
export function extractAnswer(
  hit: RetrievalHit,
  keyTerms: readonly string[],
  guidanceTerms: readonly string[],
  answerType: AnswerType | null = null,
): Extract {
  const titleTerms = new Set(analyze(hit.title));
  if (hit.kind === "correction") {
    const terms = new Set([...analyze(hit.text), ...analyze(hit.question ?? hit.title)]);
    return {
      text: hit.text.trim(),
      covered: new Set(keyTerms.filter((t) => terms.has(t))),
      guided: new Set(guidanceTerms.filter((t) => terms.has(t))),
      sentenceCount: 1,
    };
  }
  const sentences: Sentence[] = splitSentenceParts(hit.text).map((part, index) => ({
    index,
    text: part.text,
    terms: new Set(analyze(part.text)),
    lead: part.opensListItem
      ? new Set(analyze(part.text.split(/\s+/).slice(0, LEAD_WORDS).join(" ")))
      : new Set<string>(),
  }));
  const wanted = new Set(keyTerms);
  const wantedGuidance = new Set(guidanceTerms);
  const chosen: Sentence[] = [];
  let factMissing = answerType !== null;
  while (chosen.length < MAX_SENTENCES) {
    let best: Sentence | null = null;
    let bestGain = 0;
    for (const sentence of sentences) {
      if (chosen.includes(sentence)) continue;
      let gain = 0;
      // The item "Standard shipping arrives in 3 to 5 days" answers "how long does standard shipping
      // take" better than "Orders to Alaska take 5 to 8 days with standard shipping": labels weigh more.
      for (const term of sentence.terms) {
        const lead = sentence.lead.has(term) ? LEAD_FACTOR : 1;
        gain += (wanted.has(term) ? termWeight(term) * lead : 0) + (wantedGuidance.has(term) ? 2 : 0);
      }
      if (gain > 0 && factMissing && answerType !== null && satisfiesAnswerType(answerType, sentence.text))
        gain += 1;
      if (gain > bestGain) {
        best = sentence;
        bestGain = gain;
      }
    }
    // Later sentences must add a topic word the answer and its title do not already state.
    if (best === null || (chosen.length > 0 && bestGain < 0.5)) break;
    chosen.push(best);
    if (chosen.length === 1) for (const term of titleTerms) wanted.delete(term);
    if (answerType !== null && satisfiesAnswerType(answerType, best.text)) factMissing = false;
    for (const term of best.terms) {
      wanted.delete(term);
      wantedGuidance.delete(term);
    }
  }
  // Only the title matched: the article is about the question, so its opening is the best summary.
  if (chosen.length === 0) chosen.push(...sentences.slice(0, 2));
  chosen.sort((a, b) => a.index - b.index);
  const stated = new Set([...titleTerms, ...chosen.flatMap((s) => [...s.terms])]);
  return {
    text: chosen.map((s) => s.text).join(" "),
    covered: new Set(keyTerms.filter((t) => stated.has(t))),
    guided: new Set(guidanceTerms.filter((t) => stated.has(t))),
    sentenceCount: chosen.length,
  };
}

/** The whole first paragraph around the best sentence: a fuller alternative for a reviewer to pick. */
export function paragraphAround(hit: RetrievalHit, sentence: string): string | null {
  if (hit.kind !== "article") return null;
  const paragraphs = hit.text.split(/\n\s*\n/).map((p) => splitSentences(p).join(" "));
  const first = sentence.split(/(?<=[.!?])\s/)[0] ?? sentence;
  return paragraphs.find((p) => p.includes(first)) ?? paragraphs[0] ?? null;
}

/** Qualifying words (quantities, time units) count for less than topic words, as in retrieval. */
export function termWeight(term: string): number {
  return WEAK_TERMS.has(term) ? 0.35 : 1;
}
