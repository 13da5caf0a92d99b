import { MongoDBSaver, type MongoDBSaverParams } from "@langchain/langgraph-checkpoint-mongodb";
import { Binary } from "mongodb";
import { checkpointIdAtOrAfter } from "../shared/checkpoint-id";
import { PlainJsonSerializer } from "../shared/plain-json-serializer";
import { escapeRegExp } from "../shared/regexp";

/**
 * MongoDBSaver that keeps only the newest `keep` checkpoints of each thread. The stock saver stores a
 * full copy of the graph state at every step and never deletes any, so a long conversation would grow
 * its checkpoints without bound; the graph only ever resumes from the latest one. Reads checkpoints
 * with PlainJsonSerializer.
 */
export class BoundedMongoDBSaver extends MongoDBSaver {
  constructor(
    params: MongoDBSaverParams,
    private readonly keep: number,
  ) {
    super(params, new PlainJsonSerializer());
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

  /**
   * Graph threads with a checkpoint or pending write since `since` whose stored JSON quotes one of
   * `needles`. The saver stores JSON as binary, which no query can look into, so this reads them.
   */
  async threadsQuoting(needles: readonly string[], since: Date): Promise<string[]> {
    const found = new Set<string>();
    const recent = { checkpoint_id: { $gte: checkpointIdAtOrAfter(since) }, type: "json" };
    for (const { name, fields } of this.serializedFields()) {
      const projection = Object.fromEntries([["thread_id", 1], ...fields.map((f) => [f, 1])]);
      for await (const doc of this.db.collection(name).find(recent, { projection })) {
        const threadId: unknown = doc.thread_id;
        if (typeof threadId !== "string" || found.has(threadId)) continue;
        if (fields.some((field) => quotes(bytesOf(doc[field]), needles))) found.add(threadId);
      }
    }
    return [...found];
  }

  /**
   * Rewrites the checkpoints and pending writes of one conversation's graph threads that quote one of
   * `needles`, through `rewrite` (their JSON in, the new JSON or undefined for "leave it" out).
   * Returns how many documents changed.
   */
  async rewriteConversationThreads(
    conversationId: string,
    needles: readonly string[],
    rewrite: (value: unknown) => unknown,
  ): Promise<number> {
    const filter = { thread_id: { $regex: `^${escapeRegExp(conversationId)}(:|$)` }, type: "json" };
    let changed = 0;
    for (const { name, fields } of this.serializedFields()) {
      const collection = this.db.collection(name);
      for (const doc of await collection.find(filter).toArray()) {
        const set: Record<string, Buffer> = {};
        for (const field of fields) {
          const bytes = bytesOf(doc[field]);
          if (!quotes(bytes, needles)) continue;
          const scrubbed = rewrite(JSON.parse(bytes.toString("utf8")));
          if (scrubbed !== undefined) set[field] = Buffer.from(JSON.stringify(scrubbed), "utf8");
        }
        if (Object.keys(set).length === 0) continue;
        await collection.updateOne({ _id: doc._id }, { $set: set });
        changed++;
      }
    }
    return changed;
  }

  /** Where the saver keeps serialized state: a checkpoint and its metadata, a pending write's value. */
  private serializedFields() {
    return [
      { name: this.checkpointCollectionName, fields: ["checkpoint", "metadata"] },
      { name: this.checkpointWritesCollectionName, fields: ["value"] },
    ];
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

/** The bytes of a stored binary field (the driver reads BSON binary as Binary). */
function bytesOf(value: unknown): Buffer {
  if (value instanceof Binary) return Buffer.from(value.buffer);
  if (value instanceof Uint8Array) return Buffer.from(value);
  return Buffer.alloc(0);
}

function quotes(bytes: Buffer, needles: readonly string[]): boolean {
  return needles.some((needle) => bytes.includes(needle));
}
