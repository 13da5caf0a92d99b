import { RISK_ROUTES, type RiskCategory, type RiskFlag } from "@handoff/contracts";
import type { ModelDraft } from "../ports/model";
import { RULE_LANGUAGES } from "./intent/grammar";
import { languageName } from "./language/detect-language";

const ACTIONS: readonly RiskCategory[] = [
  "money_movement",
  "cancellation",
  "deletion",
  "order_change",
  "action_request",
];

const flag = (category: RiskCategory, evidence: string): RiskFlag => ({
  category,
  forces: RISK_ROUTES[category],
  evidence,
});

/**
 * Flags a chat model's reading adds where the rules found nothing of the kind: a request to act
 * (approval), an incident (a person), a language other than the help center's or one the rules cannot
 * read (approval). It only adds: a model calling a message a "question" never takes a rule's flag away.
 */
export function modelKindFlags(
  draft: Pick<ModelDraft, "messageKind" | "language"> | null,
  rules: readonly RiskFlag[],
  helpCenterLanguage: string | null,
): RiskFlag[] {
  if (!draft) return [];
  const has = (categories: readonly RiskCategory[]) => rules.some((f) => categories.includes(f.category));
  const added: RiskFlag[] = [];
  if (draft.messageKind === "action_request" && !has(ACTIONS))
    added.push(
      flag("action_request", "the model read a request to act on the customer's account, order or booking"),
    );
  if (draft.messageKind === "incident" && !has(["incident"]))
    added.push(flag("incident", "the model read a report of something that happened to the customer"));
  const language = draft.language?.trim().toLowerCase().slice(0, 2) || null;
  if (language && !has(["unsupported_language"])) {
    if (helpCenterLanguage && language !== helpCenterLanguage)
      added.push(
        flag(
          "unsupported_language",
          `the model read ${languageName(language)}; help center in ${languageName(helpCenterLanguage)}`,
        ),
      );
    else if (!RULE_LANGUAGES.some((l) => l === language))
      added.push(
        flag("unsupported_language", `no risk rules for ${languageName(language)} (read by the model)`),
      );
  }
  return added;
}
