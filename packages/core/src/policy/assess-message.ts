import { RISK_ROUTES, type RiskFlag } from "@handoff/contracts";
import { RULE_LANGUAGES, type RuleLanguage } from "./intent/grammar";
import { detectLanguage, inOtherLanguage, languageName } from "./language/detect-language";
import { grammarWordCount } from "./intent/grammar-words";
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
  const verdict = judgeLanguage(detected, input.text, input.helpCenterLanguage);
  // A message not clearly in another language is taken to be in the help center's.
  const language = verdict.other ? detected.code : (input.helpCenterLanguage ?? detected.code);
  const readAs = new Set<RuleLanguage>([ruleLanguage(language) ?? home]);
  // A close or unreliable call is read with the runner-up's rules too: more flags, never fewer.
  const likely = ruleLanguage(
    detected.code ?? Object.entries(detected.scores).sort((a, b) => b[1] - a[1])[0]?.[0],
  );
  if (likely) readAs.add(likely);
  const flags = new Map<RiskFlag["category"], RiskFlag>();
  for (const rules of readAs) {
    for (const flag of assessRisk(input.text, rules))
      if (!flags.has(flag.category)) flags.set(flag.category, flag);
  }
  if (verdict.evidence) {
    flags.set("unsupported_language", {
      category: "unsupported_language",
      forces: RISK_ROUTES.unsupported_language,
      evidence: verdict.evidence,
    });
  }
  return {
    flags: [...flags.values()].sort((a, b) => (a.forces === b.forces ? 0 : a.forces === "handoff" ? -1 : 1)),
    language,
  };
}

/** Whether the message is clearly in another language than the help center's, and why the bot may not answer alone. */
function judgeLanguage(
  detected: Awaited<ReturnType<typeof detectLanguage>>,
  text: string,
  helpCenter: string | null,
): { other: boolean; evidence: string | null } {
  if (!detected.code) return { other: false, evidence: null };
  const home = ruleLanguage(helpCenter);
  const reference =
    helpCenter ??
    RULE_LANGUAGES.reduce((a, b) => ((detected.scores[a] ?? 0) >= (detected.scores[b] ?? 0) ? a : b));
  if (!inOtherLanguage(detected, reference)) {
    // The help center's own language, when the rules cannot read it.
    const unread = helpCenter !== null && !home && detected.code === helpCenter;
    return { other: false, evidence: unread ? `no risk rules for ${languageName(helpCenter)}` : null };
  }
  // Built from the help center language's grammar words more than the detected one's: a short message
  // in the help center's language the detector misread ("I forgot my password" as Malay).
  const detectedRules = ruleLanguage(detected.code);
  if (home) {
    const homeWords = grammarWordCount(text, home);
    if (homeWords >= 2 && homeWords > (detectedRules ? grammarWordCount(text, detectedRules) : 0))
      return { other: false, evidence: null };
  }
  if (helpCenter)
    return {
      other: true,
      evidence: `message in ${languageName(detected.code)}; help center in ${languageName(helpCenter)}`,
    };
  return { other: true, evidence: detectedRules ? null : `no risk rules for ${languageName(detected.code)}` };
}
