import { assessRisk } from "../policy";

// What a takeover correction pairs: the customer's question and the agent's answer to it. Greetings,
// introductions, "let me check", thanks and a bare request for a person are neither; a correction
// built from them is noise in the feedback queue.

const SENTENCE = /[^.!?\n]+[.!?]*/g;

/** Sentences that carry no answer and no question of substance, in the languages we serve. */
const FILLER: readonly RegExp[] = [
  // greetings and sign-offs
  /^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|bonjour|salut|hallo|guten tag|hola|buenos d[ií]as)\b[\s,!.\w'-]{0,40}$/i,
  /^(bye|goodbye|have a (nice|great|good) (day|one)|take care|au revoir|tsch[üu]ss|adi[oó]s)\b/i,
  // introductions
  /^(i'?m|i am|my name is|this is|je suis|ich bin|soy)\s+\S+(\s+\S+){0,2}(\s+(from|with|on|here|de|von|del)\b.*)?$/i,
  // holding lines
  /\b(let me|i'?ll|i will) (check|look|see|find out|have a look)\b/i,
  /^(one|just a) (moment|sec(ond)?|minute)\b/i,
  /\b(bear with me|give me a (moment|minute|sec))\b/i,
  // thanks and acknowledgements
  /^(thanks?( you)?( so much| a lot)?|thank you( very much)?|merci|danke|gracias|cheers)\b[\s,!.\w]{0,30}$/i,
  /^((ok(ay)?|sure|great|perfect|cool|got it|no problem|alright|yes|yep|no|nope|understood|d'accord|genau|vale)[\s,!.]*)+$/i,
  // nudges
  /^(are you|is anyone|anybody|anyone) (still )?there\b/i,
  /^(hello|hi)\s*\?+$/i,
];

const sentences = (text: string) =>
  (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));

const isFiller = (sentence: string) =>
  FILLER.some((pattern) => pattern.test(sentence.replace(/[.!?]+$/, "")));

/** A request for a person and nothing else ("I want to talk to a person"). */
const asksForPerson = (sentence: string) => assessRisk(sentence).some((f) => f.category === "human_request");

/**
 * Whether an agent's message answers something: at least one statement of three words or more that
 * is not a greeting, an introduction, a holding line or a question back ("What happened?").
 */
export function isSubstantiveAnswer(text: string): boolean {
  return sentences(text).some((s) => !s.endsWith("?") && !isFiller(s) && words(s).length >= 3);
}

/**
 * Whether a customer's message asks or tells something a correction can answer: a sentence of two
 * words or more that is not small talk and not a bare request for a person.
 */
export function isSubstantiveQuestion(text: string): boolean {
  return sentences(text).some((s) => !isFiller(s) && !asksForPerson(s) && words(s).length >= 2);
}
