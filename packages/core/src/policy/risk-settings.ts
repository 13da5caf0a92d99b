import type { RiskFlag, Settings } from "@handoff/contracts";
import { RISK_ROUTES } from "./risk-rules";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Applies a supervisor's risk settings to the flags the built-in rules raised: the route each
 * category forces (approval or handoff, never auto), and extra phrases that raise a flag of a chosen
 * category. Handoff flags come first, as with the built-in rules.
 */
export function applyRiskSettings(
  flags: readonly RiskFlag[],
  question: string,
  settings: Pick<Settings, "riskRoutes" | "customRiskPhrases">,
): RiskFlag[] {
  const forces = (category: RiskFlag["category"]): RiskFlag["forces"] =>
    (category !== "human_request" && settings.riskRoutes[category]) || RISK_ROUTES[category];
  const raised = flags.map((f) => ({ ...f, forces: forces(f.category) }));
  for (const { phrase, category } of settings.customRiskPhrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, "iu");
    const match = pattern.exec(question);
    if (match && !raised.some((f) => f.category === category && f.evidence === match[0])) {
      raised.push({ category, forces: forces(category), evidence: match[0] });
    }
  }
  return raised.sort((a, b) => (a.forces === b.forces ? 0 : a.forces === "handoff" ? -1 : 1));
}
