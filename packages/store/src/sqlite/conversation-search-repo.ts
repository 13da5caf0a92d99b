import type Database from "better-sqlite3";
import type { ConversationSearchRepo } from "@handoff/core";
import { messageWords, prefixEnd, utcTimestamp } from "../shared/search-filter";
import { conversationFromRow } from "./conversation-repo";

const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The console's search on SQLite. The id, email and name are matched as prefix ranges, so the primary
 * key and the expression indexes of migration 9 serve them; status, agent and start date have their
 * own indexes. Message words are matched with LIKE inside the conversations the other criteria leave
 * (a scan of their messages: no full-text index, see the README).
 */
export function sqliteConversationSearchRepo(db: Database.Database): ConversationSearchRepo {
  return {
    async search(filter) {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: filter.limit };
      const range = (column: string, name: string, prefix: string | undefined) => {
        if (prefix === undefined) return;
        where.push(`${column} >= @${name}_lo AND ${column} < @${name}_hi`);
        params[`${name}_lo`] = prefix;
        params[`${name}_hi`] = prefixEnd(prefix);
      };
      range("c.id", "id", filter.idPrefix?.toLowerCase());
      range("lower(json_extract(c.customer, '$.email'))", "email", filter.emailPrefix?.toLowerCase());
      range("lower(json_extract(c.customer, '$.name'))", "name", filter.namePrefix?.toLowerCase());
      if (filter.status !== undefined) {
        where.push("c.status = @status");
        params.status = filter.status;
      }
      if (filter.assigneeId !== undefined) {
        where.push("c.assignee_id = @assignee");
        params.assignee = filter.assigneeId;
      }
      if (filter.from !== undefined) {
        where.push("c.created_at >= @from");
        params.from = utcTimestamp(filter.from);
      }
      if (filter.to !== undefined) {
        where.push("c.created_at <= @to");
        params.to = utcTimestamp(filter.to);
      }
      const words = messageWords(filter.text);
      if (words.length > 0) {
        const likes = words.map((word, i) => {
          params[`word${i}`] = `%${likeEscape(word)}%`;
          return `lower(m.text) LIKE @word${i} ESCAPE '\\'`;
        });
        where.push(
          `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND ${likes.join(" AND ")})`,
        );
      }
      const sql = `SELECT c.* FROM conversations c ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY c.updated_at DESC, c.rowid DESC LIMIT @limit`;
      return db
        .prepare(sql)
        .all(params)
        .map((row) => conversationFromRow.parse(row));
    },
  };
}
