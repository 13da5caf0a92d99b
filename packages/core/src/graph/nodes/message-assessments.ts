import { assessMessage, type MessageAssessment } from "../../policy";

/** How many texts the memo keeps (the most recently assessed). */
const KEPT = 2000;

/**
 * assessMessage remembered per text and help-center language: it depends on nothing else (language
 * detection, the risk rules and the English intent reading, which tags words with compromise and is
 * the larger part of the assess step's CPU). A question asked again, a guided redraft of the same
 * question and a recovery replay read it once. Values are frozen, since every caller gets the same one.
 */
export function messageAssessments(): (
  text: string,
  helpCenterLanguage: string | null,
) => Promise<MessageAssessment> {
  const known = new Map<string, Promise<MessageAssessment>>();
  return (text, helpCenterLanguage) => {
    const key = `${helpCenterLanguage ?? ""}\u0000${text}`;
    const hit = known.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting keeps the most recently used texts last.
      known.delete(key);
      known.set(key, hit);
      return hit;
    }
    const assessed = assessMessage({ text, helpCenterLanguage }).then(frozen);
    // A failed assessment is not remembered: the next message with this text tries again.
    assessed.catch(() => known.delete(key));
    known.set(key, assessed);
    if (known.size > KEPT) {
      const oldest = known.keys().next();
      if (!oldest.done) known.delete(oldest.value);
    }
    return assessed;
  };
}

function frozen(assessment: MessageAssessment): MessageAssessment {
  for (const flag of assessment.flags) Object.freeze(flag);
  Object.freeze(assessment.flags);
  return Object.freeze(assessment);
}
