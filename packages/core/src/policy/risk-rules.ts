import { RISK_ROUTES, type RiskCategory, type RiskFlag } from "@handoff/contracts";
import { ACTION_PATTERNS, TOPIC_PATTERNS } from "./risk-patterns";

export { RISK_ROUTES };

/** Politeness and filler that may open a request without changing it. */
const COURTESY =
  /^(?:(?:please|pls|plz|kindly|just|now|also|and|then|so|ok|okay|hi|hello|hey|yes|no|thanks|thank you|sorry|ugh|well|also|again)\b[\s,]*)+/;

/** Someone asking the business to act: "can you ...", "I want you to ...", "I'd like to ...". */
const REQUEST_FRAME =
  /^(?:(?:can|could|would|will|won't|cant|can't) (?:you|u|someone|somebody|your team)(?: please| kindly| just)?|(?:i|we)(?: want| need| would like|'d like| wish| demand| expect| request| am requesting| are requesting| insist)(?: you| that you| someone)?(?: to)?(?: please)?|(?:i|we)(?:'m| am| are) (?:asking|requesting) (?:you )?(?:to )?|(?:help me|let me|i'd like you to|go ahead and|you need to|you should|you must|make sure you|i want to|i need to|i have to))\s+/;

/** "Can I ..." asks about policy unless it points at one concrete order or account. */
const PERMISSION_FRAME = /^(?:can|could|may) (?:i|we)(?: please| just)? /;
const CONCRETE_REFERENCE =
  /#\s?\d+|\b\d{4,}\b|\b(this|that) (order|subscription|account|charge|payment|booking|reservation|item)\b/;

/** A generic object ("a", "an", "any") turns "can you cancel an order after it ships?" into a policy question. */
const GENERIC_OBJECT = /^\S+\s+(a|an|any|orders|subscriptions|accounts|payments)\b/;

/**
 * A wish stated as a result: "I want my points paid out", "I need the order cancelled".
 * The participle carries the action, so it is matched against the action patterns as a verb.
 */
const WISHED_RESULT =
  /\b(?:i|we)(?: want| need| would like|'d like| demand| expect) ((?:[\w$#]+ ){1,5}?)(refunded|reimbursed|paid out|paid back|credited|reversed|cancell?ed|terminated|closed|deleted|erased|removed|changed|updated|modified|upgraded|downgraded|transferred)\b/;
const PARTICIPLE_VERB: Readonly<Record<string, string>> = {
  refunded: "refund",
  reimbursed: "reimburse",
  "paid out": "pay out",
  "paid back": "pay me back",
  credited: "refund",
  reversed: "reverse",
  canceled: "cancel",
  cancelled: "cancel",
  terminated: "terminate",
  closed: "close",
  deleted: "delete",
  erased: "erase",
  removed: "remove",
  changed: "change",
  updated: "update",
  modified: "modify",
  upgraded: "upgrade",
  downgraded: "downgrade",
  transferred: "transfer",
};

/** A noun request: "I want a refund", "give me my money back", "refund for order 1234". */
const WANTED_THING =
  /^(?:i|we)(?: want| need| would like|'d like| demand| expect| deserve| am owed| are owed| just want)\b(?: (?:a|an|my|our|the|full|partial|complete|immediate))* (refund|reimbursement|compensation|chargeback|money back|cancellation|account deletion|credit)\b(?! (policy|policies|process|status|time|timing|rules|card|check|score|limit))/;

const WANTED_CATEGORY: Readonly<Record<string, RiskCategory>> = {
  cancellation: "cancellation",
  "account deletion": "deletion",
};

/**
 * Flags the risks in a customer message. Requests to act (refund, cancel, delete, change an order)
 * force approval; legal, medical, political, abusive, prompt-injection messages and requests for a
 * person force a handoff. Questions about policy ("how long do refunds take?") raise nothing.
 * Why clause by clause: one message often mixes a question and a request, and each clause is judged
 * by how it opens (an imperative, "can you", "I want you to") rather than by keywords alone.
 */
export function assessRisk(text: string): RiskFlag[] {
  const normalized = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const lower = normalized.toLowerCase();
  const found = new Map<RiskCategory, string>();
  const raise = (category: RiskCategory, evidence: string): void => {
    if (!found.has(category)) found.set(category, evidence.trim());
  };

  for (const [category, pattern] of TOPIC_PATTERNS) {
    const source = category === "prompt_injection" ? text.toLowerCase() : lower;
    const match = pattern.exec(source);
    if (match) raise(category, match[0]);
  }

  for (const clause of clauses(lower)) {
    const wanted = WANTED_THING.exec(clause.replace(COURTESY, ""));
    if (wanted) raise(WANTED_CATEGORY[wanted[1] ?? ""] ?? "money_movement", wanted[0]);
    const action = requestedAction(clause);
    if (action === null) continue;
    for (const [category, pattern] of ACTION_PATTERNS) {
      // The action verb must open the phrase: "cancel my order", not "how do I cancel".
      if (pattern.exec(action.verbPhrase)?.index === 0) raise(category, action.evidence);
    }
  }

  return [...found]
    .map(([category, evidence]) => ({ category, forces: RISK_ROUTES[category], evidence }))
    .sort((a, b) => (a.forces === b.forces ? 0 : a.forces === "handoff" ? -1 : 1));
}

/** Splits a message into clauses at sentence ends, semicolons, commas and joining words. */
function clauses(text: string): string[] {
  return text
    .split(/[.!?;:\n]+|,\s*|\s+(?:and|then|also|but|so|or)\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/**
 * The verb phrase of a clause when the clause asks for an action, else null. Imperatives open with
 * the verb; request frames ("could you", "I need you to") and stated wishes ("I want my order
 * cancelled") are unwrapped to their verb; "can I ..." counts only with a concrete order or account.
 */
function requestedAction(rawClause: string): { verbPhrase: string; evidence: string } | null {
  const clause = rawClause.replace(COURTESY, "");
  const wish = WISHED_RESULT.exec(clause);
  if (wish) {
    const participle = wish[2] ?? "";
    const verb = PARTICIPLE_VERB[participle] ?? participle;
    // "my points paid out" is matched as "pay out my points": the participle names the action.
    return { verbPhrase: `${verb} ${(wish[1] ?? "").trim()}`, evidence: wish[0] };
  }
  const frame = REQUEST_FRAME.exec(clause);
  if (frame) {
    const rest = clause.slice(frame[0].length).replace(COURTESY, "");
    if (/^(can|could|would|will)/.test(frame[0]) && GENERIC_OBJECT.test(rest)) return null;
    return { verbPhrase: rest, evidence: clause };
  }
  const permission = PERMISSION_FRAME.exec(clause);
  if (permission) {
    return CONCRETE_REFERENCE.test(clause)
      ? { verbPhrase: clause.slice(permission[0].length), evidence: clause }
      : null;
  }
  // Otherwise only an imperative is a request, and the caller requires it to open with the verb.
  return { verbPhrase: clause, evidence: clause };
}
