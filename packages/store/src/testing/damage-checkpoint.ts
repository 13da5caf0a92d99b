import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";

/** Bytes no checkpoint serializer can read. */
const DAMAGED = Buffer.from("\u0000 not a checkpoint");

/**
 * Overwrites every saved checkpoint of a graph thread with bytes no saver can read, as a damaged disk
 * or a file written by an incompatible version would leave it: for fault tests of recovery.
 */
export async function damageCheckpoint(checkpointer: BaseCheckpointSaver, threadId: string): Promise<void> {
  if (checkpointer instanceof SqliteSaver) {
    checkpointer.db
      .prepare("UPDATE checkpoints SET checkpoint = ? WHERE thread_id = ?")
      .run(DAMAGED, threadId);
    return;
  }
  // Loaded here: SQLite-only test runs never load the MongoDB driver. The saver keeps its database
  // handle protected; a fault test reaches past that on purpose.
  const { Binary, Db } = await import("mongodb");
  const db: unknown = Reflect.get(checkpointer, "db");
  const collection: unknown = Reflect.get(checkpointer, "checkpointCollectionName");
  if (db instanceof Db && typeof collection === "string") {
    await db
      .collection(collection)
      .updateMany({ thread_id: threadId }, { $set: { checkpoint: new Binary(DAMAGED) } });
    return;
  }
  throw new Error("damageCheckpoint knows the SQLite and MongoDB savers only");
}
