import type { GraphDeps } from "../deps";
import type { GraphStateValue, StateChanges } from "../state";

/**
 * Finds articles and approved corrections for the question, using the previous question for follow-ups,
 * except for a question asked while an earlier one waited for approval: "Also, do you ship to the UK?"
 * is not about the refund a person is still deciding on. A redraft a reviewer asked for keeps the
 * run's retrieval: the question has not changed.
 */
export const retrieveNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<StateChanges> => {
    if (state.retrieval) return {};
    const previousQuestion = state.standalone
      ? undefined
      : state.turns.findLast((t) => t.author === "customer")?.text;
    return { retrieval: deps.knowledge.search(state.question, { previousQuestion }) };
  };
