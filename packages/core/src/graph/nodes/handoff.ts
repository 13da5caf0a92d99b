import { interrupt } from "@langchain/langgraph";
import type { HandoffOutcome, HandoffReview } from "@handoff/contracts";
import { moveConversation } from "../../conversation/lifecycle";
import { postNotice } from "../../conversation/post-message";
import { deadlineAfter } from "../deadline";
import type { GraphDeps } from "../deps";
import { handoffPacket } from "../packets";
import { HandoffResume } from "../resume";
import type { GraphStateUpdate, GraphStateValue } from "../state";
import { pauseId } from "../pause-id";
import { conversationChanged } from "../../ports";

/**
 * Hands the conversation to a person and pauses until they hand it back or resolve it. The live chat
 * itself happens outside the graph; this node only opens and closes the handoff. Like the review
 * node, the part before `interrupt()` acts only once and the part after it is idempotent.
 */
export const handoffNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<GraphStateUpdate> => {
    const reviewId = pauseId(state, "handoff");
    const review = await openHandoff(deps, state, reviewId);
    const { outcome, actor } = HandoffResume.parse(interrupt(review.packet));
    await closeHandoff(deps, { conversationId: state.conversationId, reviewId, outcome });
    return { outcome: { kind: outcome, text: null, by: actor } };
  };

/**
 * What ending a live handoff does: the conversation goes back to the bot or is resolved, and the
 * customer is told. Idempotent, so it can run again after a crash, with or without the graph.
 */
export async function closeHandoff(
  deps: Pick<GraphDeps, "store" | "notifier" | "botName">,
  input: { conversationId: string; reviewId: string; outcome: HandoffOutcome },
): Promise<void> {
  const { conversationId, reviewId, outcome } = input;
  const conversation = await deps.store.conversations.get(conversationId);
  if (conversation?.status === "human") {
    deps.notifier.publish(
      conversationChanged(
        await moveConversation(
          deps.store,
          conversationId,
          outcome === "resolved" ? "resolved" : "handed_back",
          {
            assigneeId: null,
            assigneeName: null,
          },
        ),
      ),
    );
  }
  await postNotice(
    deps,
    conversationId,
    `${reviewId}:${outcome}`,
    outcome === "resolved" ? { kind: "conversation.resolved" } : { kind: "bot.back", botName: deps.botName },
  );
}

async function openHandoff(
  deps: GraphDeps,
  state: GraphStateValue,
  reviewId: string,
): Promise<HandoffReview> {
  const existing = await deps.store.reviews.get(reviewId);
  if (existing?.kind === "handoff") return existing;
  const settings = await deps.settings();
  const now = deps.clock.now();
  const deadline = deadlineAfter(now, settings.handoffDeadlineMinutes);
  const takeover = state.takeoverBy;
  const review: HandoffReview = {
    id: reviewId,
    kind: "handoff",
    conversationId: state.conversationId,
    threadId: state.runId,
    status: takeover ? "claimed" : "pending",
    assigneeId: takeover?.id ?? null,
    assigneeName: takeover?.name ?? null,
    createdAt: now.toISOString(),
    deadline,
    decidedAt: null,
    decidedBy: null,
    packet: handoffPacket(state, deadline),
    decision: null,
  };
  const { review: stored, created } = await deps.store.reviews.create(review);
  if (!created || stored.kind !== "handoff") return review;

  deps.notifier.publish(
    conversationChanged(
      takeover
        ? await moveConversation(deps.store, state.conversationId, "taken_over", {
            assigneeId: takeover.id,
            assigneeName: takeover.name,
            category: state.category,
          })
        : await moveConversation(deps.store, state.conversationId, "handoff_opened", {
            category: state.category,
          }),
    ),
  );
  deps.notifier.publish({ type: "review.opened", data: { review: stored } });
  await postNotice(
    deps,
    state.conversationId,
    `${reviewId}:notice`,
    takeover ? { kind: "agent.joined", agentName: takeover.name } : { kind: "handoff.connecting" },
  );
  return stored;
}
