import { findInstructionAttack, ATTACK_DESCRIPTIONS } from "./instruction-attack";
import { ASSISTANT, CUSTOMER, LEADING_OPENERS, NOTE, THIRD_PERSON } from "./screen-lexicon";
import { alternation, clauses, normalizeText, quote, sentences, unwrapMarkup } from "./screen-text";
import { findSecretRequest } from "./secret-request";

/** Why a piece of knowledge was held back from the bot. */
export type KnowledgeFindingKind =
  "addresses_assistant" | "scripts_answer" | "asks_for_secret" | "instruction_attack";

/** One reason to quarantine an article or correction, with the words that show it. */
export interface KnowledgeFinding {
  kind: KnowledgeFindingKind;
  /** A sentence a supervisor can read: what the text does and where. */
  reason: string;
}

const SPEECH = alternation([
  "answer",
  "reply",
  "respond",
  "say",
  "tell",
  "state",
  "claim",
  "inform",
  "assure",
  "promise",
  "insist",
  "advise",
  "let",
  "explain",
  "confirm",
  "mention",
  "reponds",
  "repondez",
  "dis",
  "dis-lui",
  "dis-leur",
  "dites",
  "dites-lui",
  "dites-leur",
  "affirme",
  "affirmez",
  "indique",
  "indiquez",
  "informe",
  "informez",
  "assure",
  "assurez",
  "antworte",
  "antworten sie",
  "sag",
  "sage",
  "sagen sie",
  "behaupte",
  "behaupten sie",
  "teile",
  "teilen sie",
  "versichere",
  "versichern sie",
  "responde",
  "responda",
  "contesta",
  "conteste",
  "di",
  "diga",
  "dile",
  "diles",
  "digale",
  "afirma",
  "afirme",
  "informa",
  "asegura",
  "asegure",
]);

/** Saying nothing about something is scripting too: "do not mention the expiry policy". */
const SILENCE =
  /^(?:do not|don't|never|ne|n'|nicht|nunca|no)\s+(?:ever\s+)?(?:mention|reveal|disclose|admit|discuss|bring up|tell (?:customers|the customer|users|them)|mentionne|mentionnez|parle|parlez|erwahne|erwahnen sie|menciones|mencione)\b(?!\s+(?:your|votre|ton|ta|tes|vos|dein|deine|ihr|ihre|tu|tus|su|sus)\b)/;

/** Who an assistant is told to say something to: a customer in the third person. */
const SPOKEN_TO = new RegExp(
  `^(?:to\\s+)?(?:(?:a|an|the|every|each|all|any|our|le|la|les|au|aux|dem|den|der|die|al|el|los|las)\\s+)?(?:${CUSTOMER}|${THIRD_PERSON})\\b`,
);
/** A that-clause after a speech verb, unless it is about the reader ("say that you want to cancel"). */
const THAT_CLAUSE =
  /^(?:that|que|qu'|dass)\s+(?!(?:\S+\s+){0,2}(?:you|your|vous|votre|tu|ton|ta|du|dein|deine|usted)\b)/;
/** "Customers should be told", "users must always be informed". */
const PASSIVE = new RegExp(
  `\\b(?:${CUSTOMER}|they)\\s+(?:should|must|will|are to|need to|have to|shall)?\\s*(?:always\\s+|only\\s+)?be\\s+(?:told|informed|assured|promised|answered|reminded)\\b`,
);
/** A rule for how to answer someone: "when a customer asks ..., [do this]". */
const WHEN_CUSTOMER = new RegExp(
  `\\b(?:when|whenever|if|quand|lorsqu'|lorsque|si|wenn|cuando)\\s+(?:(?:(?:a|an|the|any|un|une|le|la|ein|eine|der|die|un|una|el)\\s+)?(?:${CUSTOMER})\\s+(?:asks|ask|wants|writes|requests|inquires|enquires|mentions|says|contacts|demande|fragt|pregunta)|(?:you(?:'re| are) )?asked)\\b`,
);
/** The reader as the one who speaks: "say you'd like a refund" is advice to a customer, not a script. */
const READER = /\b(?:you|your|you'd|you're|vous|votre|tu|ton|du|dein|usted)\b/;
const words = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(" ");
const SPEECH_START = new RegExp(`^(?:${SPEECH})\\b\\s*`);
/** Second-person modal frames an instruction to the reader can open with: "you must", "you should always". */
const MODAL_FRAME =
  /^(?:you (?:must|should|will|need to|have to|are to|shall)|tu dois|vous devez|du musst|sie mussen|debes|debe|tienes que)(?:\s+(?:always|only|now|simply|toujours|immer|siempre))?\s+/;

const NOTE_TO = new RegExp(
  `\\b(?:${NOTE})\\s+(?:to|for|pour|a|an|fur|para|al)\\s+(?:(?:the|any|all|our|every|le|la|l'|die|den|das|el|la)\\s+)?(?:${ASSISTANT})\\b`,
);
/** A heading aimed at the assistant, before its colon: "Support tip for the virtual assistant". */
const ADDRESS_HEADING = new RegExp(
  `^(?:\\S+\\s+){0,3}(?:to|for|pour|a|an|fur|para|al)\\s+(?:(?:the|any|all|our|le|la|l'|die|den|el)\\s+)?(?:${ASSISTANT})$`,
);
/** "[For the chatbot only]", "To the AI:": a sentence that is only an address line. */
const ADDRESS_LINE = new RegExp(
  `^(?:(?:for|to|attention|pour|a|fur|an|para|al)\\s+)(?:(?:the|any|all|le|la|l'|die|den|el)\\s+)?(?:${ASSISTANT})(?:\\s+(?:only|reading this|seulement|nur|solamente))?$`,
);
/** "AI: ...", "Assistant instructions: ...", "Dear bot, ...": the assistant named as the one addressed. */
const VOCATIVE_LINE = new RegExp(
  `^(?:(?:dear|hey|hi|hello|attention|cher|chere|liebe|lieber|querido|querida|hola)\\s+)?(?:the\\s+)?(?:${ASSISTANT})(?:\\s+(?:${NOTE}|only))?\\s*[,:]\\s*\\S`,
);
const AS_ASSISTANT = new RegExp(
  `\\b(?:if you(?:'re| are)|as|since you(?:'re| are)|si tu es|si vous etes|wenn du|si eres|si usted es)\\s+(?:an?|the|une?|l'|eine?|der|die|una?|el|la)\\s*(?:${ASSISTANT})\\b|\\b(?:any|every)\\s+(?:${ASSISTANT})\\s+(?:reading|processing|summari[sz]ing|answering|that reads)\\b`,
);

/**
 * Screens an article or correction for instructions to the bot, judged by meaning rather than one
 * phrase: text addressed to the assistant (a note to it, a vocative, "if you are an AI"), text that
 * scripts what it says to customers ("answer that ...", "always tell customers ...", "customers
 * should be told ..."), text that asks for secrets or payment data, and the attacks a customer could
 * send (overrides, new rules, role play, prompt extraction). Returns every finding, none for
 * ordinary help-center text, which speaks to the customer as "you" about their own account.
 */
export function screenKnowledge(text: string): KnowledgeFinding[] {
  const findings: KnowledgeFinding[] = [];
  const add = (kind: KnowledgeFindingKind, reason: string) => {
    if (!findings.some((f) => f.kind === kind)) findings.push({ kind, reason });
  };
  const plain = unwrapMarkup(normalizeText(text));
  for (const line of plain.split(/\n+/)) {
    const trimmed = line.trim();
    const vocative = VOCATIVE_LINE.exec(trimmed);
    if (vocative) add("addresses_assistant", `addresses the assistant: "${quote(trimmed)}"`);
  }
  for (const sentence of sentences(plain)) {
    const note =
      NOTE_TO.exec(sentence) ??
      AS_ASSISTANT.exec(sentence) ??
      ADDRESS_LINE.exec(sentence) ??
      ADDRESS_HEADING.exec(sentence);
    if (note) add("addresses_assistant", `addresses the assistant: "${quote(sentence)}"`);
    if (scriptsAnswer(sentence))
      add("scripts_answer", `tells the assistant what to say: "${quote(sentence)}"`);
  }
  const secret = findSecretRequest(text);
  if (secret) add("asks_for_secret", `asks for ${secret.secret}: "${secret.evidence}"`);
  const attack = findInstructionAttack(text);
  if (attack) add("instruction_attack", `${ATTACK_DESCRIPTIONS[attack.kind]}: "${attack.evidence}"`);
  return findings;
}

/** Whether a sentence tells its reader what to say to customers (or what not to). */
function scriptsAnswer(sentence: string): boolean {
  if (PASSIVE.test(sentence)) return true;
  const customerRule = WHEN_CUSTOMER.test(sentence);
  for (const clause of clauses(sentence)) {
    let body = clause.replace(LEADING_OPENERS, "");
    if (SILENCE.test(body)) return true;
    body = body.slice(MODAL_FRAME.exec(body)?.[0].length ?? 0);
    const speech = SPEECH_START.exec(body);
    if (!speech) continue;
    const rest = body.slice(speech[0].length);
    if (SPOKEN_TO.test(rest) || THAT_CLAUSE.test(rest)) return true;
    // "When a customer asks ..., say it is free": in a rule for customers any speech is a script.
    if (customerRule && !/^(?:us|me|nous|uns|nos)\b/.test(rest) && !READER.test(words(rest, 4))) return true;
  }
  return false;
}
