import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps";
import { assessNode } from "./nodes/assess";
import { draftNode } from "./nodes/draft";
import { handoffNode } from "./nodes/handoff";
import { retrieveNode } from "./nodes/retrieve";
import { reviewNode } from "./nodes/review";
import { routeNode } from "./nodes/route";
import { sendNode } from "./nodes/send";
import { GraphState, type GraphStateValue } from "./state";

/**
 * retrieve -> draft -> assess -> route -> send | review | handoff.
 * review may loop back to draft (guide) or move on to handoff (reject without reply, takeover).
 * A customer's explicit request for a person skips straight to handoff.
 */
export function buildGraph(
  deps: GraphDeps,
  checkpointer: BaseCheckpointSaver,
  turn: () => Promise<void> = () => Promise.resolve(),
) {
  // Each node waits for its turn first, so concurrent runs take their steps in the scheduler's order.
  const step =
    <A extends unknown[], R>(node: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R>> => {
      await turn();
      return await node(...args);
    };
  return new StateGraph(GraphState)
    .addNode("retrieve", step(retrieveNode(deps)))
    .addNode("draft", step(draftNode(deps)))
    .addNode("assess", step(assessNode(deps)))
    .addNode("route", step(routeNode(deps)))
    .addNode("send", step(sendNode(deps)))
    .addNode("review", step(reviewNode(deps)), { ends: ["draft", "handoff", END] })
    .addNode("handoff", step(handoffNode(deps)))
    .addConditionalEdges(
      START,
      (s: GraphStateValue) => (s.trigger === "human_request" ? "handoff" : "retrieve"),
      ["handoff", "retrieve"],
    )
    .addEdge("retrieve", "draft")
    .addEdge("draft", "assess")
    .addEdge("assess", "route")
    .addConditionalEdges("route", routeTarget, ["send", "review", "handoff"])
    .addEdge("send", END)
    .addEdge("handoff", END)
    .compile({ checkpointer });
}

function routeTarget(state: GraphStateValue): "send" | "review" | "handoff" {
  if (state.chosenRoute === "auto") return "send";
  if (state.chosenRoute === "approval") return "review";
  return "handoff";
}

/** The compiled graph. */
export type SupportGraph = ReturnType<typeof buildGraph>;
