import type { Passage, RetrievalHit } from "../../ports/model";
import { expectedAnswerType, satisfiesAnswerType, type AnswerType } from "../../retrieval/answer-type";

/** At most this many sentences make an extractive answer: enough for a fact and its condition. */
const MAX_SENTENCES = 3;

/** An answer cut from one knowledge item. */
export interface Extract {
  text: string;
  /** The passage the answer starts from, with the share of the question it states. */
  passage: Passage;
  /** Whether the answer states the kind of fact the question asks for (true when none is asked). */
  statesAskedFact: boolean;
  sentenceCount: number;
}

/**
 * The answer an item gives: its best passage (a whole sentence, list item, list or table row, as
 * retrieval ranked them), preferring one that states the asked-for kind of fact ("how much" wants an
 * amount). A sentence may be followed by the next sentences of its paragraph when they state more
 * of the question. A correction is a complete human answer and is used verbatim; it states the kind
 * of fact asked when the team gave it to a question asking for the same kind ("what time is boarding
 * for my flight?" answered "Boarding begins 40 minutes before departure").
 */
export function extractAnswer(hit: RetrievalHit, answerType: AnswerType | null): Extract | null {
  const passages = hit.passages ?? [];
  const best =
    (answerType !== null ? passages.find((p) => satisfiesAnswerType(answerType, p.text)) : undefined) ??
    passages[0];
  if (best === undefined) return null;
  if (hit.kind === "correction") {
    return {
      text: hit.text.trim(),
      passage: best,
      statesAskedFact:
        states(answerType, hit.text) ||
        (hit.question !== undefined && expectedAnswerType(hit.question) === answerType),
      sentenceCount: 1,
    };
  }
  const parts = [best];
  if (best.kind === "sentence") {
    for (const next of passages) {
      if (parts.length >= MAX_SENTENCES) break;
      const addsTerms = best.missing.some((t) => !next.missing.includes(t));
      if (next !== best && next.kind === "sentence" && next.block === best.block && addsTerms)
        parts.push(next);
    }
  }
  parts.sort((a, b) => a.index - b.index);
  const text = parts.map((p) => p.text).join(" ");
  return { text, passage: best, statesAskedFact: states(answerType, text), sentenceCount: parts.length };
}

function states(answerType: AnswerType | null, text: string): boolean {
  return answerType === null || satisfiesAnswerType(answerType, text);
}
