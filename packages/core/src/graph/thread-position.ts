import type { BaseCheckpointSaver, Checkpoint } from "@langchain/langgraph";
import { z } from "zod";
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

// LangGraph's names: every edge and Command goto writes a `branch:to:<node>` channel, and an
// interrupt is saved as a pending write on `__interrupt__`.
const BRANCH_TO = "branch:to:";
const INTERRUPT = "__interrupt__";

/**
 * Reads a thread's position from its checkpoint. The pause's review id comes from the paused node and
 * the run's state, so recovery can tell which pause a thread waits on before it resumes it with anything.
 *
 * This reads the saved checkpoint itself rather than `graph.getState`, which replays the graph's task
 * planning: ~1.7 ms per decision warm and 10-13 ms the first time on the main thread, which otherwise
 * never runs LangGraph (the graph runs in workers), all of it in the path of a person's decision.
 * thread-position.test.ts checks the two readings agree in every position the graph can save.
 */
export async function threadPosition(
  checkpointer: BaseCheckpointSaver,
  threadId: string,
): Promise<ThreadPosition> {
  const tuple = await checkpointer.getTuple({ configurable: { thread_id: threadId } });
  if (!tuple) return { kind: "none" };
  const next = nextNodes(tuple.checkpoint);
  if (next.length === 0) return { kind: "ended" };
  const interrupted = (tuple.pendingWrites ?? []).some(([, channel]) => channel === INTERRUPT);
  const [node] = next;
  const kind = node === "review" || node === "handoff" ? node : null;
  if (!interrupted || next.length !== 1 || kind === null) return { kind: "stopped" };
  const values = PausedValues.safeParse(tuple.checkpoint.channel_values);
  if (!values.success) return { kind: "stopped" };
  return { kind: "paused", reviewId: pauseId(values.data, kind) };
}

/** The nodes a checkpoint has triggered and not yet run: a branch channel holding a value they have not seen. */
function nextNodes(checkpoint: Checkpoint): string[] {
  const next: string[] = [];
  for (const [channel, version] of Object.entries(checkpoint.channel_versions)) {
    if (!channel.startsWith(BRANCH_TO) || !(channel in checkpoint.channel_values)) continue;
    const node = channel.slice(BRANCH_TO.length);
    const seen = checkpoint.versions_seen[node]?.[channel];
    if (seen === undefined || newer(version, seen)) next.push(node);
  }
  return next;
}

function newer(version: string | number, seen: string | number): boolean {
  return typeof version === "number" && typeof seen === "number"
    ? version > seen
    : String(version) > String(seen);
}
