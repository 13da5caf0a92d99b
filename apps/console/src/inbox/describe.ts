import {
  shortId,
  type Conversation,
  type Review,
  type RiskCategory,
  type RouteReason,
} from "@handoff/contracts";

// Partial on purpose: a reason or category added to the contracts later still reads sensibly.
const REASONS: Partial<Record<RouteReason, string>> = {
  high_confidence: "High confidence",
  medium_confidence: "Medium confidence",
  low_confidence: "Low confidence",
  risk_rule: "Risk rule",
  human_request: "Customer asked for a person",
  out_of_scope: "Out of scope",
  model_error: "Model error",
  guided_redraft: "Redraft after guidance",
  timeout: "Timeout",
  customer_request: "Customer asked for a person",
};

const RISKS: Partial<Record<RiskCategory, string>> = {
  money_movement: "Money movement",
  cancellation: "Cancellation",
  deletion: "Account or data deletion",
  order_change: "Change to a placed order",
  legal: "Legal",
  medical: "Medical",
  political: "Political",
  abuse: "Abuse",
  human_request: "Asked for a person",
  prompt_injection: "Prompt injection",
  secret_request: "Asks for card data or a password",
  incident: "Incident (something happened to the customer)",
  action_request: "Request to act on an order, booking or account",
  unsupported_language: "Language the help center is not written in",
};

/** "shadow_mode" -> "Shadow mode". */
const humanize = (id: string) => {
  const words = id.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Why the bot routed a message here, in words. */
export const reasonLabel = (reason: RouteReason) => REASONS[reason] ?? humanize(reason);

/** A risk rule's category, in words. */
export const riskLabel = (category: RiskCategory) => RISKS[category] ?? humanize(category);

/** Why an item is in the inbox: the routing reason, plus the risk rule that forced it. */
export function whyHere(review: Review): string {
  const reason = reasonLabel(review.packet.routeReason);
  const flag = review.packet.riskFlags[0];
  if (review.packet.routeReason === "risk_rule" && flag) return `${reason}: ${riskLabel(flag.category)}`;
  return reason;
}

/** The customer as an agent would name them. */
export function customerName(conversation: Conversation | undefined, conversationId: string): string {
  const customer = conversation?.customer;
  return customer?.name || customer?.email || `Visitor ${shortId(conversationId)}`;
}
