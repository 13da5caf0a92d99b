import fc from "fast-check";
import { z } from "zod";
import type { ApprovalReview, ReviewDecision } from "@handoff/contracts";

const Question = z.enum(["shipping", "uk", "payment", "followUp", "cancel", "refund", "person", "nudge"]);

/** What the model's customers ask: answered at once, needing approval, or needing a person. */
export const QUESTIONS: Readonly<Record<z.infer<typeof Question>, string>> = {
  shipping: "How long does standard delivery take?",
  uk: "Do you ship to the UK?",
  payment: "Which payment methods do you accept?",
  followUp: "Also, do you ship to the UK?",
  cancel: "Please cancel my subscription today.",
  refund: "I want a refund for my order 5521",
  person: "I want to talk to a person",
  nudge: "hello? are you still there?",
};
const Customer = z.number().int().min(0).max(2);
/** Which of the open items (oldest first) an action picks; taken modulo how many there are. */
const Pick = z.number().int().min(0).max(9);
const Decision = z.enum(["approve", "edit", "choose", "guide", "reject", "reject_reply", "takeover"]);

/**
 * One step of a model run: what a customer, an agent, the clock or the operator does. With `wait` false
 * the next step starts while it is still running, so a crash can land in the middle of it.
 */
export const ModelAction = z.discriminatedUnion("do", [
  z.object({ do: z.literal("ask"), customer: Customer, q: Question, wait: z.boolean() }),
  z.object({ do: z.literal("decide"), pick: Pick, decision: Decision, wait: z.boolean() }),
  z.object({ do: z.literal("claim"), pick: Pick }),
  z.object({ do: z.literal("agent_reply"), pick: Pick }),
  z.object({
    do: z.literal("release"),
    pick: Pick,
    outcome: z.enum(["handed_back", "resolved"]),
    wait: z.boolean(),
  }),
  z.object({ do: z.literal("request_person"), customer: Customer, wait: z.boolean() }),
  /** Every pause's deadline passes (the clock moves 31 minutes) and the deadline sweep runs. */
  z.object({ do: z.literal("timeout") }),
  /** A graceful restart. */
  z.object({ do: z.literal("restart") }),
  /**
   * The process dies (SIGKILL, or the store closed under it in-process) `turns` event-loop turns into
   * this step, so it lands anywhere in the work still running; a new one starts.
   */
  z.object({ do: z.literal("crash"), turns: z.number().int().min(0).max(40) }),
]);
export type ModelAction = z.infer<typeof ModelAction>;

/** A replayable sequence, as printed when a run fails. */
export const ModelSequence = z.array(ModelAction);

const pick = fc.integer({ min: 0, max: 9 });
const customer = fc.integer({ min: 0, max: 2 });

/** Random actions; restarts and crashes are rarer than what customers and agents do. */
export function modelAction(): fc.Arbitrary<ModelAction> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        do: fc.constant("ask" as const),
        customer,
        q: fc.constantFrom(...Question.options),
        wait: fc.boolean(),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        do: fc.constant("decide" as const),
        pick,
        decision: fc.constantFrom(...Decision.options),
        wait: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ do: fc.constant("claim" as const), pick }) },
    { weight: 2, arbitrary: fc.record({ do: fc.constant("agent_reply" as const), pick }) },
    {
      weight: 2,
      arbitrary: fc.record({
        do: fc.constant("release" as const),
        pick,
        outcome: fc.constantFrom("handed_back" as const, "resolved" as const),
        wait: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ do: fc.constant("request_person" as const), customer, wait: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.constant({ do: "timeout" as const }) },
    { weight: 1, arbitrary: fc.constant({ do: "restart" as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ do: fc.constant("crash" as const), turns: fc.integer({ min: 0, max: 40 }) }),
    },
  );
}

/** The decision of a kind on a review (choose picks its first alternative, or the draft). */
export function decisionFor(kind: z.infer<typeof Decision>, review: ApprovalReview): ReviewDecision {
  switch (kind) {
    case "approve":
      return { type: "approve" };
    case "edit":
      return { type: "edit", text: "Edited by the agent: your request is on its way." };
    case "choose":
      return { type: "choose", draftId: (review.packet.alternatives[0] ?? review.packet.draft).id };
    case "guide":
      return { type: "guide", instruction: "Keep it to one sentence." };
    case "reject":
      return { type: "reject", reason: "Not right" };
    case "reject_reply":
      return { type: "reject", reason: "Not right", replacement: "A person wrote this reply instead." };
    case "takeover":
      return { type: "takeover" };
  }
}
