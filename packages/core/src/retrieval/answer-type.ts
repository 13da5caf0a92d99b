import { englishTermTags } from "../policy/intent/tokens";
import { boundedMemo } from "./bounded-memo";
import { englishLexicon } from "./lexicon/english-lexicon-data";

/** What kind of fact a question asks for, when its wording makes that plain. */
export type AnswerType =
  "amount" | "duration" | "time" | "contact" | "location" | "procedure" | "count" | "list";

/** English question patterns; a question in another language asks for no particular kind of fact. */
const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  [
    "duration",
    /\b(how long|how many (business |working )?(days|hours|weeks|minutes|months)|how soon|how quickly|when (will|would|can|should) (i|we|it|they|my \w+)( \w+)? (get|receive|arrive|be (delivered|back|refunded|processed)))\b/i,
  ],
  [
    "amount",
    /\b(how much|what does it cost|(the|a|any|your) (\w+ ){0,2}?(price|cost|fee|fees|charge|penalty|rate)s?\b|cost of|price of|is (there|it) (a |any )?(fee|charge|cost))/i,
  ],
  [
    "time",
    /\b(what time|when (do|does|is|are) (the |your |you )?\w* ?(open|close)|opening hours|(what|which) hours)\b/i,
  ],
  [
    "contact",
    /\b(phone number|phone no|email address (for|of|to)|how (do|can|could) (i|we) (contact|reach|call|email)|contact (you|customer|support|the)|call (you|customer|support))\b/i,
  ],
  ["location", /\b(where (can|do|could|should|would) (i|we)|where is|where are|where to)\b/i],
  ["count", /\bhow many\b/i],
  [
    "procedure",
    // "How do I ...", and asking for help to do something ("help me create an account", "assistance
    // to receive a refund"); help to find something out asks for that thing, not for a procedure.
    /\b(how (do|can|could|should|would) (i|we|you)|how to|what (do|should) i do to|steps to)\b|\b(?:help|assist)(?: me| us)(?: to)? (?!(?:see|check|know|find|learn|view|understand|tell|look)\w*\b)\w+|\b(?:help|assistance)(?: to| with| in) (?!(?:see|check|know|find|learn|view|understand|tell|look)\w*\b)\w+/i,
  ],
  [
    "list",
    /\b(which|what)( \w+)? (\w{3,}s|options|kinds|types|ways)\b(?! (is|does|it)\b)|\bwhat are (the|your)\b|\b(list|all) (of )?(the |your )?\w+s\b/i,
  ],
];

const ANSWERS: Readonly<Record<AnswerType, RegExp>> = {
  amount:
    /[$€£¥]\s?\d|\d+(?:[.,]\d+)?\s?(?:%|percent|dollars?|euros?|pounds?|usd|eur|gbp|points?)|\bfree\b|\bno (\w+ )?(fee|charge|cost|penalty)\b|\bat no (extra )?(charge|cost)\b/i,
  duration:
    /\b\d+(?:\s?(?:to|-|–|or)\s?\d+)?\s?(?:business |working |calendar )?(minutes?|hours?|days?|weeks?|months?|years?)\b|\b(immediately|same day|next day|right away|instantly|overnight|within (a|an|one) (minute|hour|day|week))\b/i,
  time: /\d\s?(am|pm|a\.m\.|p\.m\.|:\d\d)|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|24\/7|noon|midnight)\b/i,
  contact: /\d{3}[-. )]\d{3,4}|@|\b(chat|phone|call us|contact form)\b/i,
  // A list's items, wherever the list starts (after its lead-in too), or a run of commas.
  list: /^\s*(?:[-*+]|\d+[.)]) .+\n\s*(?:[-*+]|\d+[.)]) |(?:[^,]+,){3,}/m,
  // A number of things, not a measurement: "one carry-on bag", not "22 x 14 x 9 inches" or "10 kg".
  count:
    /(?<![$€£¥\d.,])\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a single|no)\b(?!\s?(?:x\b|×|%|[.,:]\d|(?:cm|mm|m|km|in|inch(?:es)?|ft|feet|foot|kg|g|lb|lbs|oz|ml|l|v|hz|am|pm|minutes?|hours?|days?|weeks?|months?|years?|percent|dollars?|euros?|pounds?)\b))/i,
  procedure:
    /\s>\s|\b(click|choose|select|tap|go to|open|visit|sign in|log in|enter|fill in|follow|use the|start|contact|email|call|reply)\b/i,
  // Where to send or report something is an address too: an email address or a web address.
  location:
    /\s>\s|[\w.%+-]+@[\w-]+\.[a-z]|\bhttps?:\/\/|\bwww\.|\bunder\b|\b(at|on) the (top|bottom|side)\b|\b(page|button|link|menu|tab|settings|app|website|site|section|form)\b/i,
};

/**
 * Words that only say what kind of fact is asked for ("how long", "how much", "what time", "what
 * hours"): the answer type carries them (an answer says "8 am to 8 pm", not "hours"), and as topic
 * words they would match "as long as" or "much more".
 */
const ASKING_WORDS = /\b(how (long|much|many|soon|quickly|often)|what time|(what|which) hours)\b/gi;

/** The question without its asking words, for finding what it is about. */
export function withoutAskingWords(question: string): string {
  return question.replace(ASKING_WORDS, " ");
}

/**
 * The fact a question asks for ("how much" wants an amount, "how long" a duration), or null.
 * Why: an extract that never states an amount cannot answer "how much", however many words it shares.
 * Remembered per text: one message asks it several times (the search, asksHowTo, the offline model and
 * its extracts), a question without a question word costs a compromise tagging, and customers ask the
 * same questions again.
 */
export const expectedAnswerType: (question: string) => AnswerType | null = boundedMemo(2000, readAnswerType);

function readAnswerType(question: string): AnswerType | null {
  // "How do I check what payment methods are allowed?" asks for the methods, not for a way to check.
  const asked = question.replace(FINDING_OUT, " ");
  for (const [type, pattern] of ASKS) if (pattern.test(asked)) return type;
  return opensWithActionOnObject(question) ? "procedure" : null;
}

/**
 * "creating free account", "resetting my password": a message that is only an action done to a thing
 * asks how to do it. The gerund must take an object through a determiner, possessive or adjective, so
 * a noun use ("shipping to Canada", "shipping options") is not read as an action.
 */
function opensWithActionOnObject(question: string): boolean {
  if (/[?]|\b(what|which|when|where|who|why|how|is|are|do|does|can|could)\b/i.test(question)) return false;
  const [first, second] = englishTermTags(question.trim());
  if (first === undefined || second === undefined || !first.includes("Gerund")) return false;
  if (second.includes("Value")) return false;
  return ["Determiner", "Possessive", "Adjective"].some((tag) => second.includes(tag));
}

/** "How can I see ..." or "how to find out ..." before a question word: the embedded question is what is asked. */
const FINDING_OUT =
  /\b(how (do|can|could|would|should) (i|we|you)|how to|what (do|should|must) i (have to |need to )?do to|(help|assistance|assist)( me| us)?( to| with| in)?)( \w+)? (see|seeing|check|checking|know|find out|finding out|find|finding|learn|tell|verify|view|viewing|look up|figure out)(?= (what|which|when|where|who|how|whether|if|in what|under what|at what)\b)/gi;

/** Whether a text states the kind of fact the question asks for. */
export function satisfiesAnswerType(type: AnswerType, text: string): boolean {
  return ANSWERS[type].test(text) || (type === "procedure" && givesInstruction(text));
}

/** A word opening a clause: the text's start, or after a semicolon or a comma ("For French press, steep ..."). */
const CLAUSE_OPENINGS = /(?:^|[;:]\s*|,\s+)(?:then\s+)?([a-z]+)\b/gi;

/**
 * Whether a text tells the reader what to do: a clause opens with a verb in its plain form that English
 * mostly uses as a verb (WordNet's tagged senses: "steep", "brew", not "water"), as an instruction does
 * ("For French press, steep for 4 minutes and then press slowly").
 */
function givesInstruction(text: string): boolean {
  const verbs = englishLexicon().verbs;
  for (const match of text.matchAll(CLAUSE_OPENINGS)) {
    const word = (match[1] ?? "").toLowerCase();
    if (verbs.has(word)) return true;
  }
  return false;
}

/**
 * Whether a question asks how, or where, to do something ("how do I track order 12?", "where to
 * download invoice 7"), rather than about a thing itself ("where is flight dl123", "ETA of order 12").
 */
export function asksHowTo(question: string): boolean {
  const type = expectedAnswerType(question);
  if (type === "procedure" || type === "contact") return true;
  return type === "location" && !/\bwhere (is|are|'s)\b/i.test(question);
}
