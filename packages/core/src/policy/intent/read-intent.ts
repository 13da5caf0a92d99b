import type { ActionCategory, Grammar } from "./grammar";
import { lexicon, type Lexicon } from "./lexicon";
import { readClauses, type Clause, type Token } from "./tokens";

/** What the customer is doing in one clause: how they put it, and the action it asks for, if any. */
type Frame =
  /** "Cancel my order", "refunding $299": an imperative or a bare action. */
  | "imperative"
  /** "Can you cancel ...", "pourriez-vous ...": asking the business to act. */
  | "you"
  /** "I want to cancel ...", "I need a room": a wish. */
  | "wish"
  /** "Help me cancel ...", "I need assistance deleting ...". */
  | "help"
  /** "I can't remove the topping from my order". */
  | "inability"
  /** "Can I cancel ...?": asking permission, i.e. about policy. */
  | "permission"
  /** "How do I ...", "where can I ...": asking how. */
  | "how"
  /** "Why was I charged twice?": asking about something that happened. */
  | "why"
  /** "Is my luggage lost?", "Do you deliver ...?": a yes/no question. */
  | "yesno"
  /** A plain statement: "my card was stolen", "I entered a wrong address". */
  | "statement";

/** A flag the reading raises, with the words that show it. */
export interface IntentFinding {
  kind: "action" | "incident";
  category: ActionCategory | "incident";
  evidence: string;
}

/**
 * Reads what a customer message does, clause by clause: who acts (the customer, the business,
 * someone else), on what (their own order, card, account; something generic) and how it is put
 * (a question about policy, a request to act, a report of what happened). Requests to act on the
 * customer's own things are actions; reports of loss, theft, non-arrival, duplicate or unrecognised
 * charges and accounts someone else got into are incidents. Questions about policy raise nothing,
 * including those that name an incident in an "if" ("what do I do if my card is stolen?").
 */
export function readIntent(text: string, grammar: Grammar): IntentFinding[] {
  const lex = lexicon(grammar);
  const clauses = readClauses(text, grammar);
  const readings = clauses.map((clause) => ({
    clause,
    frame: embeddedQuestion(clause, frameOf(clause, lex), lex),
  }));
  const asksHow = readings.some((r) => r.frame.kind === "how" && r.frame.word !== "when");
  const findings: IntentFinding[] = [];
  for (const { clause, frame } of readings) {
    const action = requestedAction(clause, frame, lex, asksHow);
    if (action) findings.push({ kind: "action", category: action, evidence: evidence(clause.tokens) });
  }
  for (const sentence of groupBySentence(readings)) {
    const incident = incidentIn(sentence, lex);
    if (incident) findings.push(incident);
  }
  return findings;
}

interface ReadFrame {
  kind: Frame;
  /** Index in the clause where the frame's verb phrase starts. */
  from: number;
  /** The question word, for "how" frames. */
  word?: string;
}

/** The words of a clause before any "if" part: a hypothetical says nothing about what happened. */
const factual = (clause: Clause) =>
  clause.hypotheticalFrom < 0 ? clause.tokens : clause.tokens.slice(0, clause.hypotheticalFrom);

function frameOf(clause: Clause, lex: Lexicon): ReadFrame {
  const tokens = factual(clause);
  let i = 0;
  while (i < tokens.length && (lex.is(tokens[i], "filler") || lex.is(tokens[i], "please"))) i++;
  // "est-ce que" only marks a question: read what follows it.
  let asked = clause.asked;
  if (tokens[i]?.bare.startsWith("est_ce_qu")) {
    asked = true;
    i++;
  }
  const t = (k: number) => tokens[i + k];
  const first = t(0);
  if (!first) return { kind: "statement", from: i };
  const negatedStart = lex.is(first, "negation");
  // "que" is also "that": "... y que me reembolsen" is no question.
  const complementizer = ["que", "qu'"].includes(first.bare) && !asked;
  if (lex.is(first, "question") && !lex.is(first, "self") && !complementizer) {
    const why = ["why", "pourquoi", "warum", "wieso", "weshalb", "por_que"].includes(first.bare);
    return { kind: why ? "why" : "how", from: i + 1, word: first.bare };
  }
  if (isYouModal(first, t(1), lex)) return { kind: "you", from: i + 1 };
  if (lex.is(first, "modal")) {
    const subject = t(1);
    if (lex.is(subject, "self") || isFirstPersonModal(first, lex)) return { kind: "permission", from: i + 2 };
    return { kind: asked ? "yesno" : "statement", from: i + 1 };
  }
  if (lex.is(first, "help") && (lex.is(t(1), "selfObject") || lex.is(t(1), "you") || lex.is(t(1), "please")))
    return { kind: "help", from: i + 2 };
  if (lex.is(first, "self") || negatedStart || lex.is(first, "want") || lex.is(first, "cannot")) {
    return subjectFrame(tokens, lex.is(first, "self") ? i + 1 : i, lex, asked);
  }
  // "is my luggage lost" asks, with or without the question mark (English and German invert to ask;
  // Spanish "hay ..." and French "il y a ..." state).
  if (lex.is(first, "auxiliary") && !lex.action(first)) {
    const inverts = lex.grammar.code === "en" || lex.grammar.code === "de";
    return { kind: asked || inverts ? "yesno" : "statement", from: i + 1 };
  }
  if (verbFirst(tokens, i, lex)) {
    // A verb first with a question mark asks ("Verlängert sich mein Abo?", "Remboursez-vous les frais ?"),
    // unless it is addressed to the customer's benefit ("Remboursez-moi ?").
    if (asked && !lex.is(t(1), "selfObject") && !lex.is(t(1), "please")) return { kind: "yesno", from: i };
    return { kind: "imperative", from: i };
  }
  return { kind: asked ? "yesno" : "statement", from: i };
}

/** "I don't know how to report a payment problem": a statement that holds a question asks it. */
function embeddedQuestion(clause: Clause, frame: ReadFrame, lex: Lexicon): ReadFrame {
  if (
    frame.kind !== "statement" &&
    frame.kind !== "wish" &&
    frame.kind !== "inability" &&
    frame.kind !== "help"
  )
    return frame;
  const tokens = factual(clause);
  const at = tokens.findIndex(
    (t, k) => k > 0 && lex.is(t, "question") && !lex.is(t, "conditional") && !lex.is(t, "self"),
  );
  if (
    at < 0 ||
    !lex.is(
      tokens.slice(0, at).find((t) => lex.is(t, "cognition")),
      "cognition",
    )
  )
    return frame;
  return { kind: "how", from: at + 1, word: tokens[at]?.bare };
}

/** "can you", "could you", "pouvez-vous", "können Sie", Spanish "¿pueden ...?" (the verb says who). */
function isYouModal(first: Token, second: Token | undefined, lex: Lexicon): boolean {
  if (!lex.is(first, "modal")) return false;
  if (lex.is(second, "you") || second?.bare === "someone" || second?.bare === "somebody") return true;
  if (lex.grammar.code === "fr") return ["pouvez", "pourriez"].includes(first.bare);
  if (lex.grammar.code === "es")
    return (
      ["pueden", "podrian", "puede", "podria", "puedes", "podrias"].includes(first.bare) &&
      !lex.is(second, "self")
    );
  return false;
}

/** A modal whose form already says "I" (French "puis", Spanish "puedo"). */
function isFirstPersonModal(modal: Token, lex: Lexicon): boolean {
  return (
    ["puis", "peux", "puedo", "podemos", "pouvons", "kann"].includes(modal.bare) && lex.grammar.code !== "en"
  );
}

/** After "I": a wish, an inability, a request for help, or a statement. */
function subjectFrame(tokens: readonly Token[], from: number, lex: Lexicon, asked: boolean): ReadFrame {
  let i = from;
  const hasNegation = tokens.some((t) => lex.is(t, "negation"));
  const hasModal = tokens.slice(0, from + 4).some((t) => lex.is(t, "modal"));
  const skippable = (t: Token | undefined) =>
    t !== undefined &&
    (lex.is(t, "filler") ||
      lex.is(t, "negation") ||
      [
        "really",
        "just",
        "also",
        "still",
        "now",
        "would",
        "do",
        "am",
        "are",
        "ai",
        "have",
        "ne",
        "n'",
        "longer",
        "more",
        "even",
        "actually",
        "definitely",
        "ya",
        "mehr",
      ].includes(t.bare));
  while (i < tokens.length && skippable(tokens[i]) && !lex.is(tokens[i], "want")) i++;
  const next = tokens[i];
  if (lex.is(next, "cannot") || (hasNegation && hasModal)) return { kind: "inability", from: i + 1 };
  if (lex.is(next, "want")) {
    const after = tokens[i + 1];
    // "I need help cancelling", "j'ai besoin d'aide pour annuler": a request for help.
    if (lex.is(after, "help") || (lex.is(after, "determiner") && lex.is(tokens[i + 2], "help")))
      return { kind: "help", from: i + 2 };
    // "I'd like you to ...", "quiero que me devuelvan ...": the business is to act.
    if (lex.is(after, "you") || ["que", "dass", "that"].includes(after?.bare ?? ""))
      return { kind: "you", from: i + 2 };
    return { kind: asked ? "yesno" : "wish", from: i + 1 };
  }
  if (lex.is(next, "help")) return { kind: "help", from: i + 1 };
  return { kind: asked ? "yesno" : "statement", from: i };
}

/** The clause opens with a verb: an imperative ("cancel my order"), or a bare action ("refunding $299"). */
function verbFirst(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  const first = tokens[i];
  if (!first) return false;
  if (lex.is(first, "provide") && lex.is(tokens[i + 1], "selfObject")) return true;
  if (lex.is(first, "light")) return tokens.slice(i + 1, i + 5).some((t) => lex.action(t) !== null);
  if (!lex.action(first) && !lex.closes(first) && !separableAction(tokens, i, lex)) return false;
  // "order 12 never arrived": a noun that names the thing, not an order to act.
  if (tokens[i + 1]?.id && first.pos !== "verb") return false;
  // "shipping to Canada" names a topic; "canceling order 00004587345", "rebate 350 dollars" ask for one thing.
  const fragment = lex.grammar.code === "en" && (first.pos === "noun" || /ing$/.test(first.bare));
  if (fragment) return tokens.some((t) => t.id || t.amount || lex.is(t, "possessive"));
  return true;
}

/** German separable verbs: "Fügen Sie ... hinzu" reads as "hinzufügen". */
function separableAction(tokens: readonly Token[], i: number, lex: Lexicon): ActionCategory | null {
  const particles = lex.grammar.separableParticles;
  const last = tokens[tokens.length - 1];
  const verb = tokens[i];
  if (!particles || !last || !verb || !particles.includes(last.bare) || last === verb) return null;
  const joined = `${last.bare}${verb.bare}`;
  const stems = [joined, `${joined}n`, `${joined.replace(/(t|e|en)$/, "")}en`].map((w) =>
    lex.grammar.stem(w),
  );
  return lex.action({ ...verb, bare: joined, stems });
}

/** The action a clause asks the business to take on the customer's own things, or null. */
function requestedAction(
  clause: Clause,
  frame: ReadFrame,
  lex: Lexicon,
  asksHow: boolean,
): ActionCategory | null {
  const tokens = factual(clause);
  const identified = tokens.some((t) => t.id) || hasDemonstrativeObject(tokens, lex);
  const head = headAction(tokens, frame.from, lex, frame.kind);
  if (frame.kind === "statement") {
    // "I entered a wrong delivery address": the customer's own mistake on their order needs a person to fix.
    const reportsMistake =
      tokens.some((t) => lex.is(t, "wrong")) &&
      (tokens.some((t) => lex.is(t, "self")) || tokens.some((t) => lex.is(t, "possessive"))) &&
      !clause.asked;
    if (reportsMistake && !onlySettings(tokens, lex)) return "order_change";
    return null;
  }
  if (frame.kind === "wish" && tokens.slice(0, frame.from).some((t) => lex.is(t, "negation"))) {
    // "I no longer want my reservation": not wanting one's own booking any more is cancelling it;
    // "I don't want to cancel" asks for nothing.
    const notWantedVerb = head && !head.noun && head.index <= frame.from + 1;
    if (notWantedVerb) return null;
    if (head && !head.noun) return categoryOf(head, tokens, lex);
    return tokens.some((t) => lex.is(t, "possessive") || t.id) ? "cancellation" : null;
  }
  if (!head) {
    // "I need a double room", "I want my deposit back", "il me faut un lit": wanting a thing.
    return frame.kind === "wish" && !clause.asked ? wantedThing(tokens, frame.from, lex) : null;
  }
  if (head.kind === "cognition") return null;
  const category = categoryOf(head, tokens, lex);
  if (identified) return category;
  const settings = lex.is(tokens[head.index], "edit") && onlySettings(tokens, lex, head.index);
  switch (frame.kind) {
    case "imperative":
      return settings ? null : category;
    case "you":
      return settings || genericObject(tokens, head.index, lex) ? null : category;
    case "wish":
      return settings || (asksHow && !identified) ? null : category;
    case "help":
      return settings ? null : category;
    case "inability":
      return settings ? null : category;
    default:
      return null;
  }
}

interface Head {
  kind: "action" | "cognition";
  index: number;
  category: ActionCategory | null;
  /** The action is named by a noun ("a refund") rather than a verb. */
  noun?: boolean;
}

/**
 * The first verb the frame governs: an action ("cancel", "annuler"), or a verb of finding out
 * ("know", "see", "tell") that makes the clause a question. English and the Romance languages put it
 * near the frame; German may put it last ("Können Sie mir ... erstatten?"), so the whole clause is read.
 */
function headAction(tokens: readonly Token[], from: number, lex: Lexicon, frame: Frame): Head | null {
  const reach = lex.grammar.code === "de" ? tokens.length : Math.min(tokens.length, from + 7);
  // In a wish, a noun may carry the action ("I want a refund"), but a verb wins ("ich möchte meine Reservierung stornieren").
  let nounAction: Head | null = null;
  // "get a refund", "make a reservation": the noun after an acquiring or light verb names the action.
  let nounCarries = frame === "wish";
  for (let i = Math.max(0, from); i < reach; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (lex.is(token, "provide") && lex.is(tokens[i + 1], "selfObject"))
      return { kind: "action", index: i, category: "action_request" };
    // Help to get something ("assistance to receive a refund") asks how; wanting or making it asks us.
    if ((lex.is(token, "acquire") && frame !== "help") || lex.is(token, "light")) {
      if (!lex.action(token)) {
        nounCarries = true;
        continue;
      }
    }
    const previous = tokens[i - 1];
    // After a determiner ("my order"), before an identifier ("order 8812"), or tagged so: a noun, not the verb.
    const asNoun =
      i > from &&
      ((previous !== undefined && (lex.is(previous, "determiner") || previous.id)) ||
        tokens[i + 1]?.id === true ||
        (token.pos === "noun" && previous?.bare !== "to"));
    const separable = i === from ? separableAction(tokens, i, lex) : null;
    if (lex.is(token, "cognition") && !lex.action(token) && !separable && !asNoun)
      return { kind: "cognition", index: i, category: null };
    const category = separable ?? lex.action(token);
    if (!category && !lex.closes(token)) continue;
    if (asNoun) {
      if (nounCarries) nounAction ??= { kind: "action", index: i, category, noun: true };
      continue;
    }
    if (lex.is(token, "cognition") && frame !== "imperative")
      return { kind: "cognition", index: i, category: null };
    return { kind: "action", index: i, category };
  }
  return nounAction;
}

/** The category of the action, reading the object for verbs like "close" and "remove". */
function categoryOf(head: Head, tokens: readonly Token[], lex: Lexicon): ActionCategory {
  const token = tokens[head.index];
  if (lex.closes(token)) {
    const object = tokens.slice(head.index + 1);
    if (object.some((t) => lex.is(t, "accountNoun"))) return "deletion";
    if (head.category === "order_change" || head.category === "deletion") return head.category;
    return "cancellation";
  }
  return head.category ?? "action_request";
}

/** "I want a refund" -> money; "I need a double room" -> an action; "I need help" -> nothing. */
function wantedThing(tokens: readonly Token[], from: number, lex: Lexicon): ActionCategory | null {
  const object = tokens.slice(from);
  const noun = object.find(
    (t) => !lex.is(t, "determiner") && !lex.is(t, "possessive") && !lex.is(t, "filler"),
  );
  if (!noun || lex.is(noun, "infoNoun") || lex.is(noun, "help") || lex.is(noun, "cognition")) return null;
  // Something new ("a room") or one's own ("my deposit back"); "I need the time zone" wants a fact.
  if (!object.some((t) => lex.is(t, "generic") || lex.is(t, "possessive") || lex.is(t, "money"))) return null;
  if (object.some((t) => lex.is(t, "back") || lex.is(t, "money") || lex.action(t) === "money_movement"))
    return "money_movement";
  if (onlySettings(tokens, lex)) return null;
  return object.map((t) => lex.action(t)).find((c) => c !== null) ?? "action_request";
}

/** "this order", "cette commande": one concrete thing, like an order number. */
function hasDemonstrativeObject(tokens: readonly Token[], lex: Lexicon): boolean {
  return (
    tokens.some(
      (t, i) =>
        lex.is(t, "demonstrative") && tokens[i + 1] !== undefined && !lex.is(tokens[i + 1], "cognition"),
    ) && tokens.some((t) => lex.is(t, "charge") || lex.action(t) !== null)
  );
}

/**
 * "Can you cancel an order after it ships?": an object that is no one's in particular asks about
 * policy, unless the customer is the one it is for ("can you book me a hotel", "... a car for me").
 */
function genericObject(tokens: readonly Token[], head: number, lex: Lexicon): boolean {
  const after = tokens.slice(head + 1);
  if (tokens.some((t) => lex.is(t, "possessive") || lex.is(t, "selfObject") || t.id)) return false;
  const determiner = after.find((t) => lex.is(t, "determiner"));
  return determiner !== undefined && lex.is(determiner, "generic");
}

/**
 * Editing profile, password or e-mail is self-service, not an action on an order or a payment: the
 * object right after the verb is a setting, and nothing in the clause names an order, a charge or money.
 */
function onlySettings(tokens: readonly Token[], lex: Lexicon, head = -1): boolean {
  const window = head < 0 ? tokens : tokens.slice(head + 1, head + 6);
  return (
    window.some((t) => lex.is(t, "settingsNoun")) &&
    !tokens.some((t) => lex.is(t, "charge") || lex.is(t, "money") || t.id || transactionNoun(t, lex))
  );
}

/** Nouns of orders and bookings: an action word used as a noun after a determiner ("my order"). */
function transactionNoun(token: Token, lex: Lexicon): boolean {
  const category = lex.action(token);
  return category === "action_request" && token.pos !== "verb" && !lex.is(token, "settingsNoun");
}

function evidence(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.bare.replace(/_/g, " "))
    .join(" ")
    .slice(0, 200);
}

function groupBySentence(readings: { clause: Clause; frame: ReadFrame }[]) {
  const sentences = new Map<number, { clause: Clause; frame: ReadFrame }[]>();
  for (const reading of readings) {
    const list = sentences.get(reading.clause.sentence) ?? [];
    list.push(reading);
    sentences.set(reading.clause.sentence, list);
  }
  return [...sentences.values()];
}

/**
 * Something that happened to the customer: their card or bag lost or stolen, a delivery that never
 * came, a charge made twice or not by them, their account used by someone else. Only reports count
 * (statements, and "why ...?" about it); "how do I report a lost card?" and anything in an "if" do not.
 */
function incidentIn(sentence: { clause: Clause; frame: ReadFrame }[], lex: Lexicon): IntentFinding | null {
  const reported = sentence.filter(
    (r) =>
      !(r.clause.asked && hypotheticalMood(r.clause, lex)) &&
      ["statement", "why", "wish", "you", "inability", "imperative", "help"].includes(r.frame.kind),
  );
  const words = reported.flatMap((r) => factual(r.clause));
  const all = sentence.flatMap((r) => factual(r.clause));
  const has = (cls: Parameters<Lexicon["is"]>[1], list: readonly Token[] = words) =>
    list.some((t) => lex.is(t, cls));
  const mine = has("possessive") || has("selfObject") || has("self") || words.some((t) => t.id);
  const found = (why: string): IntentFinding => ({
    kind: "incident",
    category: "incident",
    evidence: `${why}: ${evidence(words)}`,
  });

  // "Is my luggage lost?", "has my card been stolen?": asking about one's own thing is a lookup for a person.
  // The loss must be said of the thing ("is my luggage lost"), not named ("does my insurance cover the theft").
  const lookup = sentence.find((r) => {
    const tokens = factual(r.clause);
    return (
      r.frame.kind === "yesno" &&
      tokens.some((t, k) => lex.is(t, "loss") && !lex.is(tokens[k - 1], "determiner")) &&
      tokens.some((t) => lex.is(t, "possessive"))
    );
  });
  if (words.length === 0) {
    if (lookup)
      return { kind: "action", category: "action_request", evidence: evidence(factual(lookup.clause)) };
    // "How do I block my stolen card?": an owned thing described as lost still reports the loss.
    if (
      all.some((t, i) => lex.is(t, "loss") && lex.is(all[i - 1], "possessive")) ||
      all.some(
        (t, i) => lex.is(t, "possessive") && lex.is(all[i + 2], "loss") && !lex.is(all[i + 1], "determiner"),
      )
    )
      return found("lost or stolen");
    return null;
  }
  // "I didn't receive the password e-mail" is about a setting; "my tickets never showed up in my e-mail" is not.
  const owned = words.find(
    (t, k) =>
      k > 0 &&
      (lex.is(words[k - 1], "determiner") || lex.is(words[k - 1], "possessive")) &&
      !lex.is(t, "determiner"),
  );
  const settingsOnly = lex.is(owned, "settingsNoun") && !has("charge") && !has("accountNoun");
  if (has("loss") && mine && !settingsOnly) return found("lost or stolen");
  if (has("arrive") && has("negation") && (mine || has("determiner")) && !settingsOnly)
    return found("never arrived");
  if (has("charge", all) && has("twice")) return found("charged twice");
  if (has("charge", all) && has("deny") && has("negation")) return found("charge not made by the customer");
  if (has("unauthorized") && (has("charge", all) || has("accountNoun", all) || has("settingsNoun", all)))
    return found("unauthorised activity");
  if (has("withoutConsent")) return found("done without the customer's consent");
  if (has("someone") && (has("possessive") || has("selfObject")) && !has("you"))
    return found("someone else used the account");
  return null;
}

/** A question put hypothetically: "why would ...", "pourquoi ... apparaîtrait", "¿por qué aparecería ...?". */
function hypotheticalMood(clause: Clause, lex: Lexicon): boolean {
  const tokens = factual(clause);
  if (
    tokens.some(
      (t) =>
        ["would", "could", "might", "konnte", "wurde", "podria"].includes(t.bare) &&
        lex.grammar.code !== "de",
    )
  )
    return true;
  if (lex.grammar.code === "de")
    return tokens.some(
      (t) =>
        ["konnte", "sollte", "wurde"].includes(t.bare) &&
        !tokens.some((u) => lex.is(u, "loss") && u.bare.startsWith("ge")),
    );
  if (lex.grammar.code === "fr") return tokens.some((t) => /.{4}(rait|raient)$/.test(t.bare));
  if (lex.grammar.code === "es") return tokens.some((t) => /.{3}[aei]rian?$/.test(t.bare));
  return false;
}
