import { Command, END, interrupt } from "@langchain/langgraph";
import type { ApprovalReview, Draft, ReviewDecision } from "@handoff/contracts";
import { moveConversation } from "../../conversation/lifecycle";
import { postMessage } from "../../conversation/post-message";
import { deadlineAfter } from "../deadline";
import type { GraphDeps } from "../deps";
import { approvalPacket } from "../packets";
import { ReviewResume } from "../resume";
import type { GraphStateValue } from "../state";
import { pauseId } from "../pause-id";

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
    const reply = replyFor(decision, state.drafts);

    if (decision.type === "guide") {
      return new Command({
        goto: "draft",
        update: {
          guidance: [...state.guidance, decision.instruction],
          round: state.round + 1,
          attempted: [...state.attempted, ...state.drafts],
        },
      });
    }
    if (decision.type === "takeover" || reply === null) {
      const takeoverBy =
        decision.type === "takeover" && actor.id ? { id: actor.id, name: actor.name ?? "Agent" } : null;
      // A rejection by the deadline or by the customer asking for a person is not a reviewer's verdict.
      const failureReason =
        decision.type !== "reject"
          ? "A reviewer took over."
          : actor.type === "user"
            ? `A reviewer rejected the draft: ${decision.reason}`
            : decision.reason;
      const routeReason =
        actor.type === "system"
          ? "timeout"
          : actor.type === "customer"
            ? "customer_request"
            : state.routeReason;
      return new Command({
        goto: "handoff",
        update: { takeoverBy, failureReason, routeReason, attempted: [...state.attempted, ...state.drafts] },
      });
    }

    await postMessage(deps, {
      conversationId: state.conversationId,
      clientId: `${reviewId}:reply`,
      author: reply.byAgent ? "agent" : "bot",
      authorName: reply.byAgent ? (actor.name ?? "Agent") : deps.botName,
      text: reply.text,
      sources: reply.sources,
      internal: false,
    });
    await returnToBot(deps, state.conversationId);
    return new Command({ goto: END, update: { outcome: { kind: "sent", text: reply.text, by: actor } } });
  };

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
  if (conversation && conversation.status !== "awaiting_approval") {
    deps.notifier.conversationUpdated(
      await moveConversation(deps.store, state.conversationId, {
        status: "awaiting_approval",
        category: state.category,
      }),
    );
  }
  deps.notifier.reviewCreated(stored);
  return stored;
}

async function returnToBot(deps: GraphDeps, conversationId: string) {
  const conversation = await deps.store.conversations.get(conversationId);
  if (conversation?.status !== "awaiting_approval") return;
  deps.notifier.conversationUpdated(
    await moveConversation(deps.store, conversationId, {
      status: "bot",
      assigneeId: null,
      assigneeName: null,
    }),
  );
}

interface Reply {
  text: string;
  sources: Draft["sources"];
  byAgent: boolean;
}

/** The message a decision sends, or null when the decision sends nothing from this node. */
function replyFor(decision: ReviewDecision, drafts: Draft[]): Reply | null {
  const top = drafts[0];
  switch (decision.type) {
    case "approve":
      return top ? { text: top.text, sources: top.sources, byAgent: false } : null;
    case "edit":
      return { text: decision.text, sources: top?.sources ?? [], byAgent: false };
    case "choose": {
      const chosen = drafts.find((d) => d.id === decision.draftId);
      return chosen ? { text: chosen.text, sources: chosen.sources, byAgent: false } : null;
    }
    case "reject":
      return decision.replacement ? { text: decision.replacement, sources: [], byAgent: true } : null;
    default:
      return null;
  }
}
