import type Database from "better-sqlite3";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { PlainJsonSerializer } from "../shared/plain-json-serializer";

/**
 * SqliteSaver that creates its tables on construction. The stock saver creates them lazily on first
 * use, but deleteThread() skips that step and fails on a fresh file. Reads checkpoints with
 * PlainJsonSerializer.
 */
export class EagerSqliteSaver extends SqliteSaver {
  constructor(db: Database.Database) {
    super(db, new PlainJsonSerializer());
    this.setup();
  }
}
