import { stem } from "./stem";

/**
 * Groups of words customers use interchangeably for one support concept; the first word names the group.
 * Why a short hand-kept list and not embeddings: it must run offline with no model, and a handful of
 * everyday support concepts (buying, costs, jobs, discounts, damage...) covers most paraphrases; the
 * groups are about commerce in general, not about one help center.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["buy", "purchase", "sell", "sells", "sold", "carry", "stock", "offer", "offers"],
  ["cost", "price", "pricing", "fee", "fees"],
  ["accept", "take", "takes", "took"],
  ["wear", "wore", "worn"],
  ["size", "sizing", "bigger", "smaller", "larger"],
  ["refund", "reimburse", "reimbursement", "repay", "repayment"],
  ["cancel", "cancellation", "terminate", "termination"],
  ["delete", "deletion", "erase", "erasure"],
  [
    "job",
    "jobs",
    "hire",
    "hiring",
    "career",
    "careers",
    "employment",
    "vacancy",
    "vacancies",
    "recruit",
    "recruiting",
  ],
  ["season", "seasonal", "summer", "winter", "spring", "autumn"],
  ["military", "veteran", "veterans", "army", "navy", "soldier", "troops"],
  ["student", "college", "university"],
  ["senior", "elderly", "pensioner", "retiree"],
  ["discount", "coupon", "promo", "voucher"],
  ["damage", "damaged", "broken", "broke", "torn", "ripped", "defective", "faulty", "cracked", "dented"],
  ["exchange", "swap"],
  ["email", "mail", "e-mail"],
  ["sign", "login", "log", "logon", "signin"],
  ["password", "passcode", "pwd"],
  ["ship", "shipping", "shipment", "deliver", "delivery", "delivered", "dispatch", "send", "sent"],
  ["expire", "expiry", "expiration"],
  ["phone", "telephone", "call"],
  ["open", "opening", "hours"],
  ["receipt", "invoice"],
  ["wheelchair", "disabled", "disability", "handicap"],
  ["subscription", "plan", "membership"],
  ["bike", "bicycle", "ebike", "e-bike"],
  ["appear", "show", "shows", "showing", "shown"],
  ["day", "today", "tomorrow", "daily"],
];

const CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of GROUPS) {
    const head = stem(group[0] ?? "");
    for (const word of group) map.set(stem(word), head);
  }
  return map;
})();

/** The group name for a stemmed term, or the term itself when it belongs to no group. */
export function canonical(stemmed: string): string {
  return CANONICAL.get(stemmed) ?? stemmed;
}
