import { Command, END, interrupt } from "@langchain/langgraph";
import {
  decisionEffect,
  unhandled,
  type Actor,
  type ApprovalReview,
  type DecisionReply,
  type ReviewDecision,
} from "@handoff/contracts";
import { moveConversation } from "../../conversation/lifecycle";
import { postMessage } from "../../conversation/post-message";
import { deadlineAfter } from "../deadline";
import type { GraphDeps } from "../deps";
import { approvalPacket } from "../packets";
import { ReviewResume } from "../resume";
import type { GraphStateValue } from "../state";
import { pauseId } from "../pause-id";
import { conversationChanged, type NewMessage } from "../../ports";

/**
 * Pauses for a person to approve, edit, choose, guide, reject or take over. Everything before
 * `interrupt()` runs again on resume, so it only acts when the review is newly created; everything
 * after it uses idempotent message keys, so a resumed or re-run node never sends twice.
 */
export const reviewNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<Command> => {
    const reviewId = pauseId(state, "review");
    const review = await openReview(deps, state, reviewId);
    const { decision, actor } = ReviewResume.parse(interrupt(review.packet));
    const effect = decisionEffect(decision, state.drafts);
    const attempted = [...state.attempted, ...state.drafts];

    switch (effect.kind) {
      case "redraft":
        return new Command({
          goto: "answer",
          update: { guidance: [...state.guidance, effect.instruction], round: state.round + 1, attempted },
        });
      case "person":
        return new Command({
          goto: "handoff",
          update: { ...toPerson(state, effect.takeover, actor, decision), attempted },
        });
      case "reply": {
        const { reply } = effect;
        // Usually already sent by the decision (sendApprovedReply): the same key then stores nothing.
        await postMessage(
          deps,
          approvedReply(deps, { id: reviewId, conversationId: state.conversationId }, reply, actor),
        );
        await returnToBot(deps, state.conversationId);
        return new Command({ goto: END, update: { outcome: { kind: "sent", text: reply.text, by: actor } } });
      }
      default:
        return unhandled(effect);
    }
  };

/** The customer's message for a reply a decision chose; one key per review, so it is stored once. */
export function approvedReply(
  deps: Pick<GraphDeps, "botName">,
  review: { id: string; conversationId: string },
  reply: DecisionReply,
  actor: Actor,
): NewMessage {
  return {
    conversationId: review.conversationId,
    clientId: `${review.id}:reply`,
    author: reply.byAgent ? "agent" : "bot",
    authorName: reply.byAgent ? (actor.name ?? "Agent") : deps.botName,
    text: reply.text,
    sources: reply.sources,
    internal: false,
  };
}

/** Who takes over and why, when a decision sends the conversation to a person. */
function toPerson(state: GraphStateValue, takeover: boolean, actor: Actor, decision: ReviewDecision) {
  const takeoverBy = takeover && actor.id ? { id: actor.id, name: actor.name ?? "Agent" } : null;
  // A rejection by the deadline or by the customer asking for a person is not a reviewer's verdict.
  const failureReason =
    decision.type !== "reject"
      ? "A reviewer took over."
      : actor.type === "user"
        ? `A reviewer rejected the draft: ${decision.reason}`
        : decision.reason;
  const routeReason =
    actor.type === "system" ? "timeout" : actor.type === "customer" ? "customer_request" : state.routeReason;
  return { takeoverBy, failureReason, routeReason };
}

async function openReview(
  deps: GraphDeps,
  state: GraphStateValue,
  reviewId: string,
): Promise<ApprovalReview> {
  const existing = await deps.store.reviews.get(reviewId);
  if (existing?.kind === "approval") return existing;
  const settings = await deps.settings();
  const now = deps.clock.now();
  const deadline = deadlineAfter(now, settings.approvalDeadlineMinutes);
  const review: ApprovalReview = {
    id: reviewId,
    kind: "approval",
    conversationId: state.conversationId,
    threadId: state.runId,
    status: "pending",
    assigneeId: null,
    assigneeName: null,
    createdAt: now.toISOString(),
    deadline,
    decidedAt: null,
    decidedBy: null,
    packet: approvalPacket(state, deadline),
    decision: null,
  };
  const { review: stored, created } = await deps.store.reviews.create(review);
  if (!created || stored.kind !== "approval") return review;
  const conversation = await deps.store.conversations.get(state.conversationId);
  // A guided redraft opens its round while the conversation already awaits approval.
  if (conversation && conversation.status !== "awaiting_approval") {
    deps.notifier.publish(
      conversationChanged(
        await moveConversation(deps.store, state.conversationId, "approval_opened", {
          category: state.category,
        }),
      ),
    );
  }
  deps.notifier.publish({ type: "review.opened", data: { review: stored } });
  return stored;
}

async function returnToBot(deps: GraphDeps, conversationId: string) {
  const conversation = await deps.store.conversations.get(conversationId);
  if (conversation?.status !== "awaiting_approval") return;
  deps.notifier.publish(
    conversationChanged(
      await moveConversation(deps.store, conversationId, "reply_sent", {
        assigneeId: null,
        assigneeName: null,
      }),
    ),
  );
}
