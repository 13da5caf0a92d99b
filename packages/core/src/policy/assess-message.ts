import { RISK_ROUTES, type RiskFlag } from "@handoff/contracts";
import { RULE_LANGUAGES, type RuleLanguage } from "./intent/grammar";
import { detectLanguage, inOtherLanguage, languageName } from "./language/detect-language";
import { assessRisk } from "./risk-rules";

const ruleLanguage = (code: string | null | undefined): RuleLanguage | null =>
  RULE_LANGUAGES.find((l) => l === code) ?? null;

/** The risk flags of a customer message, and the language it is written in. */
export interface MessageAssessment {
  flags: RiskFlag[];
  /** ISO 639-1 code, or null when the message is too short to tell. */
  language: string | null;
}

/**
 * Detects the message's language, reads its risks with that language's rules, and flags a message
 * the bot must not answer alone for its language: written in another language than the help center,
 * or in one the risk rules cannot read. A message too short to tell is read with the help center's
 * rules, and also with those of the language it most looks like.
 */
export async function assessMessage(input: {
  text: string;
  helpCenterLanguage: string | null;
}): Promise<MessageAssessment> {
  const detected = await detectLanguage(input.text, input.helpCenterLanguage);
  const home = ruleLanguage(input.helpCenterLanguage) ?? "en";
  const readAs = new Set<RuleLanguage>([ruleLanguage(detected.code) ?? home]);
  if (!detected.code) {
    const likely = ruleLanguage(Object.entries(detected.scores).sort((a, b) => b[1] - a[1])[0]?.[0]);
    if (likely) readAs.add(likely);
  }
  const flags = new Map<RiskFlag["category"], RiskFlag>();
  for (const language of readAs) {
    for (const flag of assessRisk(input.text, language))
      if (!flags.has(flag.category)) flags.set(flag.category, flag);
  }
  const evidence = languageEvidence(detected, input.helpCenterLanguage);
  if (evidence) {
    flags.set("unsupported_language", {
      category: "unsupported_language",
      forces: RISK_ROUTES.unsupported_language,
      evidence,
    });
  }
  return {
    flags: [...flags.values()].sort((a, b) => (a.forces === b.forces ? 0 : a.forces === "handoff" ? -1 : 1)),
    language: detected.code,
  };
}

function languageEvidence(
  detected: Awaited<ReturnType<typeof detectLanguage>>,
  helpCenter: string | null,
): string | null {
  if (!detected.code) return null;
  if (inOtherLanguage(detected, helpCenter) && helpCenter)
    return `message in ${languageName(detected.code)}; help center in ${languageName(helpCenter)}`;
  if (!ruleLanguage(detected.code)) return `no risk rules for ${languageName(detected.code)}`;
  return null;
}
