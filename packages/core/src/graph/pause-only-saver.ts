import {
  BaseCheckpointSaver,
  INTERRUPT,
  type Checkpoint,
  type CheckpointMetadata,
  type CheckpointTuple,
} from "@langchain/langgraph";
import type { RunnableConfig } from "@langchain/core/runnables";

// The saver's own parameter types (the checkpoint package is LangGraph's, not a dependency of ours).
type ChannelVersions = Parameters<BaseCheckpointSaver["put"]>[3];
type PendingWrite = Parameters<BaseCheckpointSaver["putWrites"]>[1][number];
type CheckpointListOptions = Parameters<BaseCheckpointSaver["list"]>[1];

interface HeldPut {
  config: RunnableConfig;
  checkpoint: Checkpoint;
  metadata: CheckpointMetadata;
  newVersions: ChannelVersions;
}

interface HeldWrites {
  config: RunnableConfig;
  writes: PendingWrite[];
  taskId: string;
  taskPath?: string;
}

/** What a held thread's run saved, in the order the graph saved it. */
type Held = Array<{ put: HeldPut } | { writes: HeldWrites }>;

function threadOf(config: RunnableConfig): string | undefined {
  const id: unknown = config.configurable?.thread_id;
  return typeof id === "string" ? id : undefined;
}

/**
 * A checkpointer for message runs that saves a run's checkpoint only when the run paused (or failed).
 * A message run that ends without pausing (an auto answer) leaves nothing to resume: writing its
 * final state was ~15% of a message's CPU and nothing read it but the question "did it end?", which
 * its stored reply answers (settle-messages). A held thread is new (its message has no checkpoint,
 * which the caller checked in the conversation's turn), so its start-up read is answered without the
 * store. Every other thread goes straight to the wrapped saver.
 */
export class PauseOnlySaver extends BaseCheckpointSaver {
  private readonly held = new Map<string, Held>();

  constructor(private readonly inner: BaseCheckpointSaver) {
    super(inner.serde);
  }

  /** Holds what a new thread's run saves until `release`. */
  hold(threadId: string): void {
    this.held.set(threadId, []);
  }

  /**
   * Ends the hold: writes what the run saved if it paused (an interrupt among its writes) or if
   * `keep` (it failed: its checkpoint says where), and drops it otherwise. Returns whether it wrote.
   */
  async release(threadId: string, keep: boolean): Promise<boolean> {
    const held = this.held.get(threadId);
    this.held.delete(threadId);
    if (!held) return false;
    const paused = held.some(
      (h) => "writes" in h && h.writes.writes.some(([channel]) => channel === INTERRUPT),
    );
    if (!paused && !keep) return false;
    for (const h of held) {
      if ("put" in h) await this.inner.put(h.put.config, h.put.checkpoint, h.put.metadata, h.put.newVersions);
      else await this.inner.putWrites(h.writes.config, h.writes.writes, h.writes.taskId, h.writes.taskPath);
    }
    return true;
  }

  getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const thread = threadOf(config);
    if (thread !== undefined && this.held.has(thread)) return Promise.resolve(undefined);
    return this.inner.getTuple(config);
  }

  list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    return this.inner.list(config, options);
  }

  put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    const thread = threadOf(config);
    const held = thread === undefined ? undefined : this.held.get(thread);
    if (!held) return this.inner.put(config, checkpoint, metadata, newVersions);
    held.push({ put: { config, checkpoint, metadata, newVersions } });
    // What a saver answers: the thread and namespace it was given, and the id of the checkpoint saved.
    return Promise.resolve({
      configurable: {
        thread_id: thread,
        checkpoint_ns: config.configurable?.checkpoint_ns ?? "",
        checkpoint_id: checkpoint.id,
      },
    });
  }

  putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath?: string,
  ): Promise<void> {
    const thread = threadOf(config);
    const held = thread === undefined ? undefined : this.held.get(thread);
    if (!held) return this.inner.putWrites(config, writes, taskId, taskPath);
    held.push({ writes: { config, writes, taskId, ...(taskPath === undefined ? {} : { taskPath }) } });
    return Promise.resolve();
  }

  deleteThread(threadId: string): Promise<void> {
    this.held.delete(threadId);
    return this.inner.deleteThread(threadId);
  }

  override getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }
}
