import { Command, END, START, StateGraph, type BaseCheckpointSaver } from "@langchain/langgraph";
import type { GraphDeps } from "./deps";
import type { RunRequest } from "./graph-job";
import { assessNode } from "./nodes/assess";
import { draftNode } from "./nodes/draft";
import { inSequence, type NodeStep } from "./in-sequence";
import { handoffNode } from "./nodes/handoff";
import { retrieveNode } from "./nodes/retrieve";
import { reviewNode } from "./nodes/review";
import { routeNode } from "./nodes/route";
import { sendNode } from "./nodes/send";
import { GraphState, type GraphStateUpdate, type GraphStateValue } from "./state";

/**
 * answer (retrieve -> draft -> assess -> route -> send when auto) -> end | review | handoff.
 * review may loop back to answer for a redraft (guide; the run's retrieval is kept) or move on to
 * handoff (reject without reply, takeover). A customer's explicit request for a person skips straight
 * to handoff. The answer steps always run together, so they are one node: each node costs
 * LangGraph's runtime about as much CPU as the step itself. An auto answer is sent by its last step
 * and the run ends there.
 *
 * Nodes say where the run goes next with a `Command` (answer, review) rather than a conditional
 * edge: an edge's condition is one more runnable per step, reading a fresh copy of the whole state.
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
        routed(
          inSequence(retrieveNode(deps), draftNode(deps), assessNode(deps), routeNode(deps), sendNode(deps)),
        ),
      ),
      { ends: ["review", "handoff"] },
    )
    .addNode("review", step(reviewNode(deps)), { ends: ["answer", "handoff", END] })
    .addNode("handoff", step(handoffNode(deps)))
    .addConditionalEdges(START, entryNode, ["handoff", "answer"])
    .addEdge("handoff", END)
    .compile({ checkpointer });
}

/** The first node of a new run: a customer's request for a person goes straight to handoff. */
export function entryNode(request: Pick<RunRequest, "trigger">): "handoff" | "answer" {
  return request.trigger === "human_request" ? "handoff" : "answer";
}

/**
 * A new run's input for `invoke`: the request written to the state and the run sent to its first
 * node. Starting at the node skips LangGraph's input step (the `__start__` task: its writes and the
 * entry condition, about a third of the runtime's cost for an auto-answered message); the run is the
 * same one the START edge would start.
 */
export function startRun(request: RunRequest): Command<unknown, GraphStateUpdate, "handoff" | "answer"> {
  return new Command({ update: request, goto: entryNode(request) });
}

/** The answer node's updates, sent on to review or handoff; an auto answer was sent and the run ends. */
function routed(answer: NodeStep): (state: GraphStateValue) => Promise<Command> {
  return async (state) => {
    const update = await answer(state);
    const route = { ...state, ...update }.chosenRoute;
    if (route === "auto") return new Command({ update });
    return new Command({ update, goto: route === "approval" ? "review" : "handoff" });
  };
}

/** The compiled graph. */
export type SupportGraph = ReturnType<typeof buildGraph>;
