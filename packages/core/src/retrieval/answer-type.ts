/** What kind of fact a question asks for, when its wording makes that plain. */
export type AnswerType = "amount" | "duration" | "time" | "contact";

const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  ["amount", /\b(how much|what does it cost|what is the (price|cost|fee)|how many (dollars|points))\b/i],
  ["duration", /\b(how long|how many (days|hours|weeks|minutes|months)|how soon)\b/i],
  ["time", /\b(what time|when (do|does|is|are) (the |your )?\w* ?(open|close)|opening hours)\b/i],
  ["contact", /\b(phone number|email address for|how (do|can) i (contact|reach|call))\b/i],
];

const ANSWERS: Readonly<Record<AnswerType, RegExp>> = {
  amount: /[$€£¥]\s?\d|\d+(?:[.,]\d+)?\s?(?:%|percent|dollars?|euros?|pounds?|usd|eur|gbp|points?)|\bfree\b/i,
  duration:
    /\d|\b(minutes?|hours?|days?|weeks?|months?|years?|immediately|same day|next day|instantly|overnight)\b/i,
  time: /\d\s?(am|pm|:\d\d)|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|24\/7|noon|midnight)\b/i,
  contact: /\d{3}[-. )]\d{3,4}|@|\b(chat|phone|call)\b/i,
};

/**
 * The fact a question asks for ("how much" wants an amount, "how long" a duration), or null.
 * Why: an extract that never states an amount cannot answer "how much", however many words it shares.
 */
export function expectedAnswerType(question: string): AnswerType | null {
  for (const [type, pattern] of ASKS) if (pattern.test(question)) return type;
  return null;
}

/** Whether a text states the kind of fact the question asks for. */
export function satisfiesAnswerType(type: AnswerType, text: string): boolean {
  return ANSWERS[type].test(text);
}
