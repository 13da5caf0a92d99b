import {
  ACQUIRE,
  ASKING,
  CUSTOMER,
  DISCLOSE,
  IN_CHAT,
  LEADING_OPENERS,
  NEED,
  NEGATION,
  OUTSIDE_CHAT,
  PLACE,
  SECRET,
  THIRD_PERSON,
} from "./screen-lexicon";
import { normalizeText, quote, sentences, unwrapMarkup } from "./screen-text";

/** A request for a secret found in a text, with the sentence that makes it. */
export interface SecretRequest {
  /** The secret asked for, as written ("cvv", "mot de passe"). */
  secret: string;
  /** The sentence, shortened, for the person who reviews it. */
  evidence: string;
}

const SECRET_RE = new RegExp(`\\b(?:${SECRET})\\b`);
const CUSTOMER_RE = new RegExp(`\\b(?:${CUSTOMER})\\b`);
const SECRET_AT_START = new RegExp(`^\\s*(?:${SECRET})\\b`);
const THIRD_PARTY_RE = new RegExp(`\\b(?:${THIRD_PERSON}|${CUSTOMER})\\b|\\bfrom (?:them|the customer)\\b`);
const DISCLOSE_START = new RegExp(`^(?:${DISCLOSE})\\b`);
const PLACE_START = new RegExp(`^(?:${PLACE})\\b`);
const ACQUIRE_START = new RegExp(`^(?:${ACQUIRE})\\b`);
/** "could you please", "I'd like you to", "you need to", "you must": a request made to the reader. */
const REQUEST_FRAME = new RegExp(
  `^(?:(?:${ASKING})(?: please| kindly| just)?|(?:i|we)(?:'d| would) like you to|(?:i|we) (?:want|need) you to|you (?:will )?(?:need|have) to|you must|you should|vous devez|tu dois|sie mussen|du musst|debes|debe|tienes que)\\s+`,
);
const NEED_RE = new RegExp(`\\b(?:${NEED})\\b`);
/** "what is your CVV", "quel est votre mot de passe": the question names the secret at once. */
const WHAT_IS =
  /^(?:what is|what's|whats|what are|quel est|quels sont|wie lautet|wie lauten|cual es|cuales son)\b/;
/** A secret that is not the reader's current one: "request a new PIN", "choose a temporary password". */
const NOT_CURRENT =
  /\b(?:new|replacement|temporary|reset|nouveau|nouvel|nouvelle|neue|neuen|neues|nueva|nuevo)\s+$/;
/** Clause breaks: commas, "but", and "and" when a new request verb follows ("... and ask them to reply"). */
const CLAUSE_BREAK = new RegExp(
  `,\\s*|\\s+(?:but|mais|aber|pero)\\s+|\\s+(?:and|et|und|y)\\s+(?:then\\s+|puis\\s+|dann\\s+|luego\\s+)?(?=(?:${DISCLOSE}|${ACQUIRE}|${PLACE})\\b)`,
);
/**
 * What may follow a request verb: a pronoun, a determiner or a particle. Words that are also nouns
 * ("email address", "text size") are then read as nouns, not as requests.
 */
const OBJECT_START =
  /^\s*(?:us|me|it|them|him|her|your|yours|the|their|his|its|a|an|any|all|back|over|in|out|for|to|with|here|full|complete|entire|whole|nous|moi|lui|leur|votre|vos|ton|ta|tes|le|la|les|l'|son|sa|ses|un|une|uns|mir|ihm|ihnen|ihre|ihren|ihr|dein|deine|deinen|die|den|das|der|sie|nos|tu|tus|su|sus|el|los|las|nach|por)\b/;
/** How far after its verb a secret may be named and still be its object. */
const WINDOW_WORDS = 14;

/**
 * The first sentence of `text` that asks the reader to hand over a secret (card number, CVV, PIN,
 * password, one-time code, full SSN) or, read by an assistant, tells it to take one from a customer;
 * null when there is none. Judged by structure: the verb must be a request made to the reader (an
 * imperative, "could you", "I'll need", "what is your"), not negated in its clause ("never share
 * your PIN"), and a "place" verb must place it in this chat ("type it here"), not at a checkout.
 */
export function findSecretRequest(text: string): SecretRequest | null {
  for (const sentence of sentences(unwrapMarkup(normalizeText(text)))) {
    if (!SECRET_RE.test(sentence)) continue;
    const found = requestIn(sentence);
    if (found) return { secret: found, evidence: quote(sentence) };
  }
  return null;
}

function requestIn(sentence: string): string | null {
  let offset = 0;
  for (const clause of sentence.split(CLAUSE_BREAK)) {
    const start = sentence.indexOf(clause, offset);
    offset = start + clause.length;
    const rest = (from: number) => sentence.slice(start + from);
    const secret = clauseRequest(clause, rest, sentence);
    if (secret) return secret;
  }
  return null;
}

/** The secret a clause asks for, looking past the clause's end (lists run on after commas). */
function clauseRequest(clause: string, rest: (from: number) => string, sentence: string): string | null {
  const openers = LEADING_OPENERS.exec(clause)?.[0].length ?? 0;
  const body = clause.slice(openers);
  const need = NEED_RE.exec(body);
  if (need && !NEGATION.test(body.slice(0, need.index))) {
    const secret = secretAfter(rest(openers + need.index + need[0].length));
    if (secret) return secret;
  }
  if (WHAT_IS.test(body)) {
    const secret = secretAfter(body, 8);
    if (secret) return secret;
  }
  const frame = REQUEST_FRAME.exec(body)?.[0].length ?? 0;
  const verbAt = openers + frame;
  const verbPhrase = clause.slice(verbAt);
  // A negation anywhere in the clause turns the request round ("geben Sie Ihre PIN niemals weiter").
  if (NEGATION.test(body)) return null;
  const after = rest(verbAt);
  const verb =
    DISCLOSE_START.exec(verbPhrase) ?? PLACE_START.exec(verbPhrase) ?? ACQUIRE_START.exec(verbPhrase);
  if (
    !verb ||
    (!OBJECT_START.test(verbPhrase.slice(verb[0].length)) &&
      !SECRET_AT_START.test(verbPhrase.slice(verb[0].length)))
  )
    return null;
  if (DISCLOSE_START.test(verbPhrase)) {
    return OUTSIDE_CHAT.test(after) ? null : secretAfter(after);
  }
  if (PLACE_START.test(verbPhrase)) {
    return IN_CHAT.test(after) && !OUTSIDE_CHAT.test(after) ? secretAfter(after) : null;
  }
  if (ACQUIRE_START.test(verbPhrase)) {
    // Taking a secret is someone else's: "ask them for", "collect their", or a customer named in the sentence.
    const window = words(after, WINDOW_WORDS);
    const secret = secretAfter(after);
    if (!secret) return null;
    const beforeSecret = window.slice(0, window.indexOf(secret));
    return THIRD_PARTY_RE.test(beforeSecret) ||
      (CUSTOMER_RE.test(sentence) && !/\byour\s+(?:\S+\s+){0,2}$/.test(beforeSecret))
      ? secret
      : null;
  }
  return null;
}

/** The first secret named within the next `limit` words, unless it is a new one being set up. */
function secretAfter(text: string, limit = WINDOW_WORDS): string | null {
  const window = words(text, limit);
  const match = SECRET_RE.exec(window);
  if (!match) return null;
  if (NOT_CURRENT.test(window.slice(0, match.index))) return null;
  return match[0];
}

function words(text: string, limit: number): string {
  return text.split(/\s+/).slice(0, limit).join(" ");
}
