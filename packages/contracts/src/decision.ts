import type { Draft } from "./routing";
import type { ApprovalPacket, ReviewDecision } from "./review";

/** A reply a decision sends to the customer. */
export interface DecisionReply {
  text: string;
  sources: Draft["sources"];
  /**
   * A person wrote it (an edited draft or a rejection's replacement), so it is sent under their name;
   * a draft sent as the bot wrote it (approved or chosen) goes under the bot's.
   */
  byAgent: boolean;
}

/**
 * What a reviewer's decision does. Every decision type is mapped here and nowhere else, so the graph,
 * the feedback queue and the console agree, and a new decision type does not compile until it is handled.
 */
export type DecisionEffect =
  | { kind: "reply"; reply: DecisionReply }
  | { kind: "redraft"; instruction: string }
  | { kind: "person"; takeover: boolean };

/** Every draft an approval offers, the top one first: what a decision on it chooses from. */
export function packetDrafts(packet: Pick<ApprovalPacket, "draft" | "alternatives">): Draft[] {
  return [packet.draft, ...packet.alternatives];
}

/** The effect of `decision` on a review whose drafts are `drafts` (the top draft first). */
export function decisionEffect(decision: ReviewDecision, drafts: readonly Draft[]): DecisionEffect {
  const top = drafts[0];
  switch (decision.type) {
    case "approve":
      return top ? reply(top.text, top.sources, false) : toPerson(false);
    case "edit":
      return reply(decision.text, top?.sources ?? [], true);
    case "choose": {
      const chosen = drafts.find((d) => d.id === decision.draftId);
      return chosen ? reply(chosen.text, chosen.sources, false) : toPerson(false);
    }
    case "guide":
      return { kind: "redraft", instruction: decision.instruction };
    case "reject":
      return decision.replacement ? reply(decision.replacement, [], true) : toPerson(false);
    case "takeover":
      return toPerson(true);
    default:
      return unhandled(decision);
  }
}

/**
 * The answer a person wrote or picked in place of the bot's top draft (a correction for the feedback
 * queue), or null when the decision sent the draft as it was or sent nothing.
 */
export function humanAnswer(decision: ReviewDecision, drafts: readonly Draft[]): string | null {
  const effect = decisionEffect(decision, drafts);
  if (effect.kind !== "reply" || effect.reply.text === drafts[0]?.text) return null;
  return effect.reply.text;
}

const reply = (text: string, sources: Draft["sources"], byAgent: boolean): DecisionEffect => ({
  kind: "reply",
  reply: { text, sources, byAgent },
});

const toPerson = (takeover: boolean): DecisionEffect => ({ kind: "person", takeover });

/** Compile-time exhaustiveness: a case left out makes `value` something other than never. */
export function unhandled(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
