import { InProcessGraphRunner } from "../graph";
import { silentLogger } from "../ports";
import type { ConversationServiceDeps, Engine } from "./engine";
import { FreshMessages } from "./fresh-messages";
import { KeyedQueue } from "./keyed-queue";

/**
 * The parts every job on conversations shares. The graph is built here only when runs execute here:
 * where a thread stands is read from its checkpoint, not through the graph.
 */
export function createEngine(deps: ConversationServiceDeps): Engine {
  const exclusive = deps.exclusive;
  return {
    deps,
    runner: deps.runner ?? new InProcessGraphRunner(deps, deps.checkpointer),
    logger: deps.logger ?? silentLogger,
    ...(exclusive ? {} : { fresh: new FreshMessages() }),
    queue: new KeyedQueue(
      exclusive ? (conversationId, task) => exclusive.run(`conversation:${conversationId}`, task) : undefined,
    ),
  };
}

/**
 * Runs a sweep on this instance, or, with several instances on one store, only when no other instance
 * is running the same sweep (then it skips this round and reports 0).
 */
export async function sweepOnce(engine: Engine, name: string, sweep: () => Promise<number>): Promise<number> {
  const exclusive = engine.deps.exclusive;
  if (exclusive) return (await exclusive.runIfFree(`sweep:${name}`, sweep)) ?? 0;
  return sweep();
}
