import { RISK_ROUTES, type RiskFlag } from "@handoff/contracts";
import { findSecretRequest } from "./secret-request";

/**
 * Flags a draft that asks the customer for a card number, security code, PIN, password or one-time
 * code, whichever model or correction wrote it: no such answer is sent without a person approving
 * it, and the flag says why. Warnings ("never share your PIN") and how-tos raise nothing.
 */
export function answerSafetyFlags(drafts: readonly string[]): RiskFlag[] {
  for (const draft of drafts) {
    const request = findSecretRequest(draft);
    if (!request) continue;
    return [
      {
        category: "secret_request",
        forces: RISK_ROUTES.secret_request,
        evidence: `the answer asks the customer for their ${request.secret} ("${request.evidence}"): card numbers, security codes, PINs and passwords are never asked for in a chat`,
      },
    ];
  }
  return [];
}
