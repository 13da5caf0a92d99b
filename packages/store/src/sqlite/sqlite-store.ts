import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Clock, Store } from "@handoff/core";
import { sqliteAccessLinkRepo } from "./access-link-repo";
import { sqliteApiKeyRepo } from "./api-key-repo";
import { sqliteChannelRepo } from "./channel-repo";
import { sqliteWebhookRepo } from "./webhook-repo";
import { sqliteArticleRepo } from "./article-repo";
import { sqliteAuditRepo } from "./audit-repo";
import { EagerSqliteSaver } from "./eager-sqlite-saver";
import { GatedDatabase } from "./gated-database";
import { conversationFromRow, sqliteConversationRepo } from "./conversation-repo";
import { sqliteCorrectionRepo } from "./correction-repo";
import { sqliteCustomerDataRepo } from "./customer-data-repo";
import { sqliteKeyValueRepo } from "./kv-repo";
import { sqliteLeaseRepo } from "./lease-repo";
import { sqliteMessageRepo } from "./message-repo";
import { rowMemo } from "./row-memo";
import { sqliteOfferRepo } from "./offer-repo";
import { sqliteReviewRepo } from "./review-repo";
import { sqliteSavedReplyRepo } from "./saved-reply-repo";
import { sqliteConversationSearchRepo } from "./conversation-search-repo";
import { migrate } from "./schema";
import { zeroBytesFreedBeforeSecureDelete } from "./secure-delete";
import { sqliteSessionRepo } from "./session-repo";
import { sqliteTeamRepo } from "./team-repo";
import { sqliteUserRepo } from "./user-repo";
import { WriteGate, createWriteGateBuffer } from "./write-gate";

/** Where the SQLite database lives, and the time source for store-assigned timestamps. */
export interface SqliteStoreOptions {
  /** Path of the database file (parent folders are created), or ":memory:" for a throwaway database. */
  file: string;
  /**
   * "normal" (default): every commit survives the process being killed; the last moments before a
   * power cut or OS crash may be lost (never a corrupt file). "full" also waits for the disk on every
   * commit, which blocks the event loop for an fsync each time.
   */
  synchronous?: "normal" | "full";
  /** Defaults to the wall clock; tests inject one to control createdAt/updatedAt. */
  clock?: Clock;
  /**
   * The write gate (createWriteGateBuffer) every thread of this process that opens the same file
   * shares, so their writes wait for each other without SQLite's sleeping busy wait. Defaults to one
   * of this connection's own.
   */
  writeGate?: SharedArrayBuffer;
}

/** App data and LangGraph checkpoints, both in one SQLite database. */
export interface SqliteStore {
  store: Store;
  checkpointer: BaseCheckpointSaver;
}

// A local wall clock: importing core's systemClock would load all of core (graph, models) at runtime.
const wallClock: Clock = { now: () => new Date() };

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating and migrating as needed) the SQLite database and returns the store and checkpointer. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const inMemory = options.file === ":memory:" || options.file === "";
  if (!inMemory) mkdirSync(dirname(resolve(options.file)), { recursive: true });

  const db = new GatedDatabase(
    options.file,
    new WriteGate(options.writeGate ?? createWriteGateBuffer(), BUSY_TIMEOUT_MS),
  );
  try {
    // WAL lets the console read while the graph writes; foreign keys guard messages -> conversations.
    db.pragma("journal_mode = WAL");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("foreign_keys = ON");
    db.pragma(`synchronous = ${options.synchronous === "full" ? "FULL" : "NORMAL"}`);
    // Deleted and overwritten content is zeroed, so an erased customer leaves no bytes in the file.
    db.pragma("secure_delete = ON");
    migrate(db);
    if (!inMemory) zeroBytesFreedBeforeSecureDelete(db);
  } catch (error) {
    db.close();
    throw error;
  }

  // Same connection as the store: one file, and ":memory:" would otherwise be two separate databases.
  const checkpointer = new EagerSqliteSaver(db);
  const clock = options.clock ?? wallClock;
  // One parse memo for conversation rows: an append's bump returns the row the next read finds.
  const conversationRows = rowMemo(conversationFromRow);
  const store: Store = {
    conversations: sqliteConversationRepo(db, clock, conversationRows),
    messages: sqliteMessageRepo(db, clock, conversationRows),
    reviews: sqliteReviewRepo(db, clock),
    corrections: sqliteCorrectionRepo(db, clock),
    audit: sqliteAuditRepo(db, clock),
    users: sqliteUserRepo(db, clock),
    sessions: sqliteSessionRepo(db),
    accessLinks: sqliteAccessLinkRepo(db),
    teams: sqliteTeamRepo(db),
    offers: sqliteOfferRepo(db),
    articles: sqliteArticleRepo(db),
    kv: sqliteKeyValueRepo(db),
    leases: sqliteLeaseRepo(db, clock),
    customerData: sqliteCustomerDataRepo(db),
    savedReplies: sqliteSavedReplyRepo(db),
    apiKeys: sqliteApiKeyRepo(db),
    webhooks: sqliteWebhookRepo(db),
    channels: sqliteChannelRepo(db),
    search: sqliteConversationSearchRepo(db),
    async close() {
      if (db.open) db.close();
    },
  };
  return { store, checkpointer };
}
