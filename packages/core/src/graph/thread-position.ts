import { z } from "zod";
import type { SupportGraph } from "./build-graph";
import { pauseId } from "./pause-id";

/** Where a graph thread stands, as its checkpoint tells it. */
export type ThreadPosition =
  /** No checkpoint: never run, or a message run that crashed before saving (it is replayed). */
  | { kind: "none" }
  /** Waiting on a pause: the review with this id. */
  | { kind: "paused"; reviewId: string }
  /** Finished. */
  | { kind: "ended" }
  /** Saved part-way (a run that checkpoints every step stopped between steps). */
  | { kind: "stopped" };

const PausedValues = z.object({ runId: z.string(), round: z.number().int() });

/**
 * Reads a thread's position. The pause's review id comes from the paused node and the run's state,
 * so recovery can tell which pause a thread waits on before it resumes it with anything.
 */
export async function threadPosition(graph: SupportGraph, threadId: string): Promise<ThreadPosition> {
  // One read of the checkpoint: a thread without one reads as a snapshot with no creation time.
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  if (snapshot.createdAt === undefined) return { kind: "none" };
  const paused = snapshot.tasks.find((t) => t.interrupts.length > 0);
  if (paused) {
    const kind = paused.name === "review" ? "review" : paused.name === "handoff" ? "handoff" : null;
    const values = PausedValues.safeParse(snapshot.values);
    if (kind === null || !values.success) return { kind: "stopped" };
    return { kind: "paused", reviewId: pauseId(values.data, kind) };
  }
  return snapshot.next.length === 0 ? { kind: "ended" } : { kind: "stopped" };
}
