import type { GraphStateValue, StateChanges } from "./state";

/** A node's function: reads the state, returns the channels it changes. */
export type NodeStep = (state: GraphStateValue) => Promise<StateChanges>;

/**
 * Runs node functions one after another as one graph node. Each sees the state with the updates
 * before it applied, as the next node would (every channel keeps the last value written), and the
 * node returns all their updates together. LangGraph's runtime costs about as much per node as the
 * bot's own work, so steps that always follow one another run as one node.
 */
export function inSequence(...steps: NodeStep[]): NodeStep {
  return async (state) => {
    let current = state;
    let update: StateChanges = {};
    for (const step of steps) {
      const next = await step(current);
      current = { ...current, ...next };
      update = { ...update, ...next };
    }
    return update;
  };
}
