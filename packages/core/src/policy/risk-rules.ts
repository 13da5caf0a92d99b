import { RISK_ROUTES, type RiskCategory, type RiskFlag } from "@handoff/contracts";
import type { RuleLanguage } from "./intent/grammar";
import { GRAMMARS } from "./intent/grammars";
import { readIntent } from "./intent/read-intent";
import { bare } from "./intent/tokens";
import { TOPIC_PATTERNS } from "./risk-patterns";
import { TOPIC_WORDS } from "./topic-words";

export { RISK_ROUTES };

/**
 * Flags the risks in a customer message written in `language` (English when not given).
 * What the customer is doing is read from the sentence (see readIntent): a request to act on their
 * own order, booking, account or payment forces approval, a report of something that happened to
 * them (an incident) forces a person, a question about policy raises nothing. Legal, medical,
 * political, abusive and prompt-injection messages and requests for a person force a handoff.
 */
export function assessRisk(text: string, language: RuleLanguage = "en"): RiskFlag[] {
  const found = new Map<RiskCategory, string>();
  const raise = (category: RiskCategory, evidence: string): void => {
    if (!found.has(category)) found.set(category, evidence.trim());
  };
  const normalized = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const lower = normalized.toLowerCase();
  for (const [category, pattern] of TOPIC_PATTERNS) {
    const source =
      category === "prompt_injection"
        ? text.toLowerCase()
        : category === "abuse"
          ? withoutIntensifiers(lower)
          : lower;
    const match = pattern.exec(source);
    if (match) raise(category, match[0]);
  }
  if (language !== "en") {
    const plain = bare(lower);
    for (const [category, pattern] of TOPIC_WORDS[language]) {
      const match = pattern.exec(plain);
      if (match) raise(category, match[0]);
    }
  }
  for (const finding of readIntent(normalized, GRAMMARS[language])) raise(finding.category, finding.evidence);
  return [...found]
    .map(([category, evidence]) => ({ category, forces: RISK_ROUTES[category], evidence }))
    .sort((a, b) => (a.forces === b.forces ? 0 : a.forces === "handoff" ? -1 : 1));
}

/**
 * Swearing that only intensifies a noun ("where is my damn parcel?") is frustration, not abuse:
 * it is dropped unless it lands on the business ("this fucking company", "damn you").
 */
function withoutIntensifiers(text: string): string {
  return text.replace(
    /\b(?:damn|damned|goddamn|goddamned|fucking|fuckin|freaking|frigging|effing|bloody)\s+(?!(?:you|u|ya|your|ur|company|service|store|shop|bank|team|staff|support|bot|people|business|idiots?)\b)(?=[a-z])/g,
    "",
  );
}
