import type { GraphDeps } from "../deps";
import type { GraphStateUpdate, GraphStateValue } from "../state";

/** Finds articles and approved corrections for the question, using the previous question for follow-ups. */
export const retrieveNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<GraphStateUpdate> => {
    const previousQuestion = state.turns.findLast((t) => t.author === "customer")?.text;
    return { retrieval: deps.knowledge.search(state.question, { previousQuestion }) };
  };
