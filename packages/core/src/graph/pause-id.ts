import type { GraphStateValue } from "./state";

/**
 * The id of the review a run opens when it pauses: the same on a replay, so a run replayed after a
 * crash finds the pause it had opened instead of opening another.
 */
export const pauseId = (state: Pick<GraphStateValue, "runId" | "round">, kind: "review" | "handoff") =>
  `${state.runId}:${kind}:${state.round}`;
