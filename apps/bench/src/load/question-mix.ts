import type { Route } from "@handoff/contracts";

/** A question from the demo help center and the route it is known to take. */
export interface MixQuestion {
  text: string;
  expected: Route;
}

const auto = (text: string): MixQuestion => ({ text, expected: "auto" });
const approval = (text: string): MixQuestion => ({ text, expected: "approval" });
const handoff = (text: string): MixQuestion => ({ text, expected: "handoff" });

/**
 * 20 slots: 70% answered at once, 20% held for approval (risk rules and a medium-confidence answer),
 * 10% handed to a person (an explicit request and an out-of-scope question). Every answer comes from
 * apps/server/demo-kb; the bench checks each message took the route written here.
 */
export const QUESTION_MIX: readonly MixQuestion[] = [
  auto("How long does standard delivery take?"),
  auto("Do you ship to Canada?"),
  approval("Please cancel my subscription today."),
  auto("Which payment methods do you accept?"),
  auto("Do gift cards expire?"),
  auto("How do I reset my password?"),
  handoff("I want to talk to a real person."),
  auto("What is the minimum wholesale order?"),
  approval("I want a refund for my last order."),
  auto("How much does express delivery cost?"),
  auto("How long does standard delivery take?"),
  auto("Do you ship to Canada?"),
  approval("Please change the delivery address on my order."),
  auto("Which payment methods do you accept?"),
  auto("Do gift cards expire?"),
  handoff("Do you sell tea?"),
  auto("How do I reset my password?"),
  approval("What grind should I use for espresso?"),
  auto("What is the minimum wholesale order?"),
  auto("How much does express delivery cost?"),
];

/** The n-th question of client i: each client walks the mix from its own offset, so load is mixed at every instant. */
export function questionFor(client: number, n: number): MixQuestion {
  const slot = (client * 7 + n) % QUESTION_MIX.length;
  const question = QUESTION_MIX[slot];
  if (!question) throw new Error(`no question in slot ${slot}`);
  return question;
}
