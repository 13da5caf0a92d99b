import { MongoDBSaver, type MongoDBSaverParams } from "@langchain/langgraph-checkpoint-mongodb";
import { escapeRegExp } from "../shared/regexp";

/**
 * MongoDBSaver that keeps only the newest `keep` checkpoints of each thread. The stock saver stores a
 * full copy of the graph state at every step and never deletes any, so a long conversation would grow
 * its checkpoints without bound; the graph only ever resumes from the latest one.
 */
export class BoundedMongoDBSaver extends MongoDBSaver {
  constructor(
    params: MongoDBSaverParams,
    private readonly keep: number,
  ) {
    super(params);
    if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a positive integer, got ${keep}`);
  }

  override async put(...args: Parameters<MongoDBSaver["put"]>): ReturnType<MongoDBSaver["put"]> {
    const saved = await super.put(...args);
    const threadId = saved.configurable?.thread_id;
    const namespace = saved.configurable?.checkpoint_ns ?? "";
    if (typeof threadId === "string" && typeof namespace === "string") await this.prune(threadId, namespace);
    return saved;
  }

  /**
   * Deletes every checkpoint (and its writes) of the graph threads of these conversations: a thread id
   * that is the conversation id or starts with "<conversationId>:". Returns how many checkpoints went.
   */
  async deleteConversationThreads(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    const filter = {
      $or: conversationIds.map((id) => ({ thread_id: { $regex: `^${escapeRegExp(id)}(:|$)` } })),
    };
    await this.db.collection(this.checkpointWritesCollectionName).deleteMany(filter);
    const { deletedCount } = await this.db.collection(this.checkpointCollectionName).deleteMany(filter);
    return deletedCount;
  }

  /** Deletes all but the newest `keep` checkpoints of a thread (checkpoint ids sort by time) and their writes. */
  private async prune(threadId: string, namespace: string): Promise<void> {
    const scope = { thread_id: threadId, checkpoint_ns: namespace };
    const old = await this.db
      .collection(this.checkpointCollectionName)
      .find(scope, { projection: { checkpoint_id: 1 } })
      .sort({ checkpoint_id: -1 })
      .skip(this.keep)
      .toArray();
    const ids = old.map((doc) => doc.checkpoint_id);
    if (ids.length === 0) return;
    const filter = { ...scope, checkpoint_id: { $in: ids } };
    await this.db.collection(this.checkpointWritesCollectionName).deleteMany(filter);
    await this.db.collection(this.checkpointCollectionName).deleteMany(filter);
  }
}
