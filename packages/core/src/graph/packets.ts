import type { ApprovalPacket, Confidence, HandoffPacket, SourceRef } from "@handoff/contracts";
import { sourceRef } from "./nodes/draft";
import type { GraphStateValue } from "./state";

/** The confidence of a run that produced no usable draft. */
export const NO_CONFIDENCE: Confidence = {
  score: 0,
  parts: { model: 0, retrieval: 0, margin: 0, coverage: 0, rules: 0 },
};

/** What the approver sees: the question in context, every draft, and why the bot is unsure. */
export function approvalPacket(state: GraphStateValue, deadline: string): ApprovalPacket {
  const [draft, ...alternatives] = state.drafts;
  if (!draft) throw new Error("an approval needs a draft");
  return {
    conversationId: state.conversationId,
    question: state.question,
    recentTurns: state.turns,
    draft,
    alternatives,
    confidence: state.confidence ?? NO_CONFIDENCE,
    reasoning: state.reasoning,
    sources: retrievedSources(state),
    riskFlags: state.flags,
    routeReason: state.routeReason ?? "medium_confidence",
    category: state.category,
    language: state.language,
    guidance: state.guidance,
    deadline,
  };
}

/** What a live agent gets: the approval context plus a summary, what was tried and why it failed. */
export function handoffPacket(state: GraphStateValue, deadline: string): HandoffPacket {
  return {
    conversationId: state.conversationId,
    question: state.question,
    recentTurns: state.turns,
    summary: summarize(state),
    attempted: [...state.attempted, ...state.drafts],
    confidence: state.confidence ?? NO_CONFIDENCE,
    reasoning: state.reasoning || "The bot did not attempt an answer.",
    sources: retrievedSources(state),
    riskFlags: state.flags,
    routeReason: state.routeReason ?? "low_confidence",
    category: state.category,
    language: state.language,
    failureReason: state.failureReason ?? "A person was asked to take over.",
    deadline,
  };
}

function retrievedSources(state: GraphStateValue): SourceRef[] {
  return (state.retrieval?.hits ?? []).slice(0, 5).map((h) => sourceRef(h, state.helpCenterUrl));
}

// Extractive on purpose: it must work offline and never invent what the customer said.
function summarize(state: GraphStateValue): string {
  const asked = state.turns.filter((t) => t.author === "customer").map((t) => t.text);
  const parts = [
    state.summary,
    asked.length ? `Earlier the customer wrote: ${asked.slice(-3).join(" / ")}` : "",
  ];
  parts.push(`Latest message: ${state.question}`);
  if (state.drafts[0]) parts.push(`The bot's best draft: ${state.drafts[0].text}`);
  return parts.filter(Boolean).join("\n");
}
