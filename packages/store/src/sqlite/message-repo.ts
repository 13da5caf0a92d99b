import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { z } from "zod";
import { Author, Message, MessageHandling, Notice, SourceRef, type Conversation } from "@handoff/contracts";
import type { AppendedMessage, Clock, ContextMessage, MessageRepo, NewMessage } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { messagePreview } from "../shared/preview";
import { conversationFromRow } from "./conversation-repo";
import { limitParam, toFlag, type RowParser } from "./rows";
import { rowMemo } from "./row-memo";

/** A messages row mapped to the contract Message. */
const messageFromRow = z
  .object({
    id: z.string(),
    conversation_id: z.string(),
    seq: z.number(),
    client_id: z.string().nullable(),
    author: z.string(),
    author_name: z.string().nullable(),
    text: z.string(),
    sources: z.string(),
    notice: z.string().nullable(),
    internal: z.number(),
    created_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    author: row.author,
    authorName: row.author_name,
    text: row.text,
    ...(row.notice === null ? {} : { notice: fromJson(row.notice) }),
    sources: fromJson(row.sources),
    internal: row.internal === 1,
    createdAt: row.created_at,
  }))
  .pipe(Message);

/** Built once: a zod schema costs about as much to build as to run, and every append checks its sources. */
const SourceRefs = z.array(SourceRef);

/**
 * Message rows kept parsed. Every customer message's run reads its conversation's last 24 messages
 * (the turn context), so the rows read again are about 24 per conversation in play: 2,000 (the memo's
 * default) covered ~80 conversations, and with 200 chats at once nearly every read parsed its rows
 * again (listRecent round-robin over 200 conversations: 0.21 ms CPU, 0.13 ms with this). ~0.6 kB of
 * heap a row: 3.5 MB more than the default once full, on a server that has read that many rows.
 */
const MESSAGE_ROWS_KEPT = 8000;

const isAuthor = (value: unknown): value is Author => Author.safeParse(value).success;

/**
 * A raw [seq, author, text, client_id, internal, created_at] row of the turn-context read, checked by
 * hand: a zod parse of 24 rows would cost about what reading only these columns saves.
 */
function contextFromRow(row: unknown): ContextMessage {
  const cells: readonly unknown[] = Array.isArray(row) ? row : [];
  const [seq, author, text, clientId, internal, createdAt] = cells;
  if (
    typeof seq !== "number" ||
    !isAuthor(author) ||
    typeof text !== "string" ||
    (clientId !== null && typeof clientId !== "string") ||
    typeof internal !== "number" ||
    typeof createdAt !== "string"
  )
    throw new Error("unexpected messages row in the turn-context read");
  return { seq, author, text, clientId, internal: internal === 1, createdAt };
}

const WaitingRow = z.object({ handling: z.enum(["queued", "held"]) });
const HandlingRow = z.object({ seq: z.number(), handling: MessageHandling });
const ConversationRow = z.object({ conversation_id: z.string() });

/**
 * MessageRepo on SQLite: seq comes from conversations.last_seq inside one write transaction.
 * `conversationRows` parses the conversation row an append bumped (shared with the conversation
 * repo, so reading that row again right after costs no parse).
 */
export function sqliteMessageRepo(
  db: Database.Database,
  clock: Clock,
  conversationRows: RowParser<Conversation> = rowMemo(conversationFromRow),
): MessageRepo {
  // Rows read again unchanged are not parsed again (see row-memo).
  const rowParser = rowMemo(messageFromRow, MESSAGE_ROWS_KEPT);
  const byClientId = db.prepare("SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?");
  // Internal notes bump seq and updatedAt but keep the customer-visible preview. The whole row comes
  // back: the caller tells the sockets about the conversation without reading it again.
  const bump = db.prepare(
    `UPDATE conversations SET
       last_seq = last_seq + 1,
       last_message_preview = CASE WHEN @internal THEN last_message_preview ELSE @preview END,
       updated_at = @now
     WHERE id = @conversation_id
     RETURNING *`,
  );
  const insert = db.prepare(
    `INSERT INTO messages
       (id, conversation_id, seq, client_id, author, author_name, text, notice, sources, internal,
        created_at, handling)
     VALUES
       (@id, @conversation_id, @seq, @client_id, @author, @author_name, @text, @notice, @sources, @internal,
        @now, @handling)
     RETURNING *`,
  );
  const since = db.prepare(
    `SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`,
  );
  const recent = db.prepare(
    `SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?)
     ORDER BY seq ASC`,
  );
  const recentContext = db
    .prepare(
      `SELECT * FROM (SELECT seq, author, text, client_id, internal, created_at FROM messages
         WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?)
       ORDER BY seq ASC`,
    )
    .raw();

  const waiting = db.prepare(
    `SELECT * FROM messages WHERE conversation_id = ? AND handling IN ('queued', 'held') ORDER BY seq ASC`,
  );
  const handlings = db.prepare(
    `SELECT seq, handling FROM messages WHERE conversation_id = ? AND handling IS NOT NULL ORDER BY seq ASC`,
  );
  // Through messages_queued, so the cost is the queued messages however many conversations are open.
  // INDEXED BY because for the GROUP BY the planner otherwise walks every message in (conversation_id,
  // seq) order: a sweep with nothing due read all of them (1 s at 100k open conversations).
  const queuedConversations = db.prepare(
    `SELECT conversation_id FROM messages INDEXED BY messages_queued
     WHERE handling = 'queued' AND created_at <= ?
     GROUP BY conversation_id ORDER BY MIN(created_at) ASC LIMIT ?`,
  );
  const setOne = db.prepare(
    `UPDATE messages SET handling = @to
     WHERE conversation_id = @conversation_id AND seq = @seq
       AND handling IN (SELECT value FROM json_each(@from))`,
  );
  const setAll = db.prepare(
    `UPDATE messages SET handling = @to
     WHERE conversation_id = @conversation_id AND handling IN (SELECT value FROM json_each(@from))`,
  );

  // better-sqlite3 transactions are synchronous, so concurrent async callers are serialised here;
  // IMMEDIATE also serialises against other connections or processes on the same file.
  const append = db.transaction((input: NewMessage): AppendedMessage => {
    if (input.clientId !== null) {
      const existing = byClientId.get(input.conversationId, input.clientId);
      if (existing !== undefined) return { message: rowParser.parse(existing), duplicate: true };
    }
    const now = clock.now().toISOString();
    const internal = toFlag(input.internal);
    const bumped = bump.get({
      conversation_id: input.conversationId,
      // A notice has no text to preview, so the inbox keeps the last message's.
      internal: toFlag(input.internal || input.notice !== undefined),
      preview: messagePreview(input.text),
      now,
    });
    if (bumped === undefined) {
      throw new Error(`cannot append a message: conversation ${input.conversationId} does not exist`);
    }
    const conversation = conversationRows.parse(bumped);
    const row = insert.get({
      id: randomUUID(),
      conversation_id: input.conversationId,
      seq: conversation.lastSeq,
      client_id: input.clientId,
      author: input.author,
      author_name: input.authorName,
      text: input.text,
      notice: input.notice === undefined ? null : toJson(Notice.parse(input.notice)),
      sources: toJson(SourceRefs.parse(input.sources)),
      internal,
      now,
      // Every customer message starts out queued for the bot; recovery finds it there after a crash.
      handling: input.author === "customer" ? "queued" : null,
    });
    // Parsing inside the transaction means a message that would not read back is never committed.
    return { message: rowParser.parse(row), duplicate: false, conversation };
  });

  return {
    async append(input) {
      return append.immediate(input);
    },

    async listSince(conversationId, after, limit) {
      return since.all(conversationId, after, limitParam(limit)).map((row) => rowParser.parse(row));
    },

    async listRecent(conversationId, count) {
      return recent.all(conversationId, limitParam(count)).map((row) => rowParser.parse(row));
    },

    async listRecentContext(conversationId, count) {
      return recentContext.all(conversationId, limitParam(count)).map(contextFromRow);
    },

    async listWaiting(conversationId) {
      return waiting.all(conversationId).map((row) => ({
        message: rowParser.parse(row),
        handling: WaitingRow.parse(row).handling,
      }));
    },

    async listHandling(conversationId) {
      return handlings.all(conversationId).map((row) => HandlingRow.parse(row));
    },

    async listQueuedConversations(before, limit) {
      return queuedConversations
        .all(before, limitParam(limit))
        .map((row) => ConversationRow.parse(row).conversation_id);
    },

    async setHandling(conversationId, { seq, from, to }) {
      const params = {
        conversation_id: conversationId,
        from: toJson(from.map((h) => MessageHandling.parse(h))),
        to: MessageHandling.parse(to),
      };
      return (seq === undefined ? setAll.run(params) : setOne.run({ ...params, seq })).changes;
    },
  };
}
