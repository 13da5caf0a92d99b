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
export function buildGraph(deps: GraphDeps, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(GraphState)
    .addNode("retrieve", retrieveNode(deps))
    .addNode("draft", draftNode(deps))
    .addNode("assess", assessNode())
    .addNode("route", routeNode(deps))
    .addNode("send", sendNode(deps))
    .addNode("review", reviewNode(deps), { ends: ["draft", "handoff", END] })
    .addNode("handoff", handoffNode(deps))
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
