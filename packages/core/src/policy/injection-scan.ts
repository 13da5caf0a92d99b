import type { RiskFlag } from "@handoff/contracts";
import type { RetrievalHit } from "../ports";
import { ATTACK_DESCRIPTIONS, findInstructionAttack } from "./instruction-attack";
import { RISK_ROUTES } from "./risk-rules";
import { TOPIC_PATTERNS } from "./risk-patterns";

const INJECTION = TOPIC_PATTERNS.find(([category]) => category === "prompt_injection")?.[1];

/**
 * Signs that an answer carries configuration rather than help: an OpenAI-style secret key, the
 * name of the variable holding one, or the delimiters of our own prompt.
 */
const CONFIGURATION_LEAK =
  /\bsk-[a-z0-9_-]{16,}|\b(openai_api_key|openai_base_url|widget_identity_secret|mongodb_uri)\b|<\/?(reference_data|customer_message|approved_examples|recent_turns)\b/i;

/**
 * Prompt-injection flags: the customer's message instructing the assistant (an override, a new role
 * or rule set, prompt extraction, text laid out as the prompt, in any language we serve), an
 * instruction planted in a retrieved article or correction (it reached the prompt, so the draft may
 * follow it), and a draft that talks about its instructions or quotes configuration. Either way a
 * person looks before anything is sent.
 */
export function injectionFlags(input: {
  question?: string;
  hits: readonly RetrievalHit[];
  drafts: readonly string[];
}): RiskFlag[] {
  const attack = input.question === undefined ? null : findInstructionAttack(input.question);
  if (attack) return [flag(`the message ${ATTACK_DESCRIPTIONS[attack.kind]}: "${attack.evidence}"`)];
  for (const hit of input.hits) {
    const match = INJECTION?.exec(hit.text.toLowerCase()) ?? INJECTION?.exec(hit.title.toLowerCase());
    if (match) return [flag(`${hit.kind} "${hit.id}" contains "${match[0].trim()}"`)];
  }
  for (const draft of input.drafts) {
    const match = INJECTION?.exec(draft.toLowerCase()) ?? CONFIGURATION_LEAK.exec(draft);
    if (match) return [flag(`the draft contains "${match[0].trim()}"`)];
  }
  return [];
}

function flag(evidence: string): RiskFlag {
  return { category: "prompt_injection", forces: RISK_ROUTES.prompt_injection, evidence };
}
