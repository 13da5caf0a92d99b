import { END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps";
import { assessNode } from "./nodes/assess";
import { draftNode } from "./nodes/draft";
import { inSequence } from "./in-sequence";
import { handoffNode } from "./nodes/handoff";
import { retrieveNode } from "./nodes/retrieve";
import { reviewNode } from "./nodes/review";
import { routeNode } from "./nodes/route";
import { sendNode } from "./nodes/send";
import { GraphState, type GraphStateValue } from "./state";

/**
 * answer (retrieve -> draft -> assess -> route -> send when auto) -> end | review | handoff.
 * review may loop back to answer for a redraft (guide; the run's retrieval is kept) or move on to
 * handoff (reject without reply, takeover). A customer's explicit request for a person skips straight
 * to handoff. The answer steps always run together, so they are one node: each node costs
 * LangGraph's runtime about as much CPU as the step itself. An auto answer is sent by its last step
 * and the run ends there.
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
    .addNode(
      "answer",
      step(
        inSequence(retrieveNode(deps), draftNode(deps), assessNode(deps), routeNode(deps), sendNode(deps)),
      ),
    )
    .addNode("review", step(reviewNode(deps)), { ends: ["answer", "handoff", END] })
    .addNode("handoff", step(handoffNode(deps)))
    .addConditionalEdges(
      START,
      (s: GraphStateValue) => (s.trigger === "human_request" ? "handoff" : "answer"),
      ["handoff", "answer"],
    )
    .addConditionalEdges("answer", routeTarget, ["review", "handoff", END])
    .addEdge("handoff", END)
    .compile({ checkpointer });
}

/** Where a run goes after answering: an auto answer was sent by the answer node itself. */
function routeTarget(state: GraphStateValue): "review" | "handoff" | typeof END {
  if (state.chosenRoute === "auto") return END;
  if (state.chosenRoute === "approval") return "review";
  return "handoff";
}

/** The compiled graph. */
export type SupportGraph = ReturnType<typeof buildGraph>;
