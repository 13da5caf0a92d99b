import type Database from "better-sqlite3";
import { z } from "zod";
import type { CitationScrubber, CustomerDataRepo } from "@handoff/core";
import { checkpointIdAtOrAfter } from "../shared/checkpoint-id";
import { fromJson, toJson } from "../shared/json";

// Stored JSON (and the saver's JSON blobs) quote a correction id verbatim, so instr() finds a citation.
// Name the column with its table: json_each has a column called `value` too.
const CITES = (column: string) =>
  `EXISTS (SELECT 1 FROM json_each(@ids) AS c WHERE instr(${column}, CAST(c.value AS BLOB)) > 0)`;
// The conversation of a graph thread: the thread id up to its first ':' (see THREAD_OF).
const CONVERSATION_OF_THREAD = `CASE WHEN instr(thread_id, ':') > 0
  THEN substr(thread_id, 1, instr(thread_id, ':') - 1) ELSE thread_id END`;
const THREAD_IN = `(thread_id = @conversation_id OR substr(thread_id, 1, length(@conversation_id) + 1) = @conversation_id || ':')`;

const IdRow = z.object({ id: z.string() });
const PacketRow = z.object({ id: z.string(), packet: z.string() });
const SourcesRow = z.object({ id: z.string(), sources: z.string() });
const CorrectionRow = z.object({ id: z.string(), tags: z.string(), draft: z.string().nullable() });
const Blob = z.instanceof(Buffer);
const CheckpointRow = z.object({ rowid: z.number(), checkpoint: Blob.nullable(), metadata: Blob.nullable() });
const WriteRow = z.object({ rowid: z.number(), value: Blob.nullable() });
const Tags = z.array(z.string());

type Citations = Pick<CustomerDataRepo, "findCiting" | "scrubCitations">;

/**
 * Finding and rewriting the records that cite erased corrections, on SQLite. The checkpointer's
 * tables hold the serializer's "json" blobs (UTF-8 JSON), rewritten as JSON; any other type is left.
 */
export function sqliteCitations(db: Database.Database): Citations {
  const citing = db.prepare(`
    SELECT conversation_id AS id FROM reviews WHERE created_ms >= @since_ms AND ${CITES("reviews.packet")}
    UNION SELECT conversation_id FROM messages WHERE created_at >= @since AND ${CITES("messages.sources")}
    UNION SELECT conversation_id FROM corrections
      WHERE conversation_id IS NOT NULL AND created_ms >= @since_ms
        AND (${CITES("corrections.tags")} OR draft IN (SELECT value FROM json_each(@answers)))
    UNION SELECT ${CONVERSATION_OF_THREAD} FROM checkpoints
      WHERE checkpoint_id >= @since_id AND type = 'json' AND (${CITES("checkpoints.checkpoint")} OR ${CITES("checkpoints.metadata")})
    UNION SELECT ${CONVERSATION_OF_THREAD} FROM writes
      WHERE checkpoint_id >= @since_id AND type = 'json' AND ${CITES("writes.value")}`);
  const existing = db.prepare("SELECT id FROM conversations WHERE id IN (SELECT value FROM json_each(?))");

  const reviews = db.prepare(
    `SELECT id, packet FROM reviews WHERE conversation_id = @conversation_id AND ${CITES("reviews.packet")}`,
  );
  const setPacket = db.prepare("UPDATE reviews SET packet = @packet WHERE id = @id");
  const messages = db.prepare(
    `SELECT id, sources FROM messages WHERE conversation_id = @conversation_id AND ${CITES("messages.sources")}`,
  );
  const setSources = db.prepare("UPDATE messages SET sources = @sources WHERE id = @id");
  const corrections = db.prepare(
    `SELECT id, tags, draft FROM corrections WHERE conversation_id = @conversation_id
       AND (${CITES("corrections.tags")} OR draft IN (SELECT value FROM json_each(@answers)))`,
  );
  const setCorrection = db.prepare("UPDATE corrections SET tags = @tags, draft = @draft WHERE id = @id");
  const checkpoints = db.prepare(
    `SELECT rowid, checkpoint, metadata FROM checkpoints WHERE ${THREAD_IN} AND type = 'json'
       AND (${CITES("checkpoints.checkpoint")} OR ${CITES("checkpoints.metadata")})`,
  );
  const setCheckpoint = db.prepare(
    "UPDATE checkpoints SET checkpoint = @checkpoint, metadata = @metadata WHERE rowid = @rowid",
  );
  const writes = db.prepare(
    `SELECT rowid, value FROM writes WHERE ${THREAD_IN} AND type = 'json' AND ${CITES("writes.value")}`,
  );
  const setWrite = db.prepare("UPDATE writes SET value = @value WHERE rowid = @rowid");

  const scrub = db.transaction((conversationId: string, scrubber: CitationScrubber) => {
    const params = {
      conversation_id: conversationId,
      ids: toJson(scrubber.correctionIds),
      answers: toJson(scrubber.answers),
    };
    const reviewIds: string[] = [];
    let records = 0;
    for (const row of reviews.all(params).map((r) => PacketRow.parse(r))) {
      const packet = scrubber.scrub(fromJson(row.packet));
      if (packet === undefined) continue;
      setPacket.run({ id: row.id, packet: toJson(packet) });
      reviewIds.push(row.id);
      records++;
    }
    for (const row of messages.all(params).map((r) => SourcesRow.parse(r))) {
      const sources = scrubber.scrub(fromJson(row.sources));
      if (sources === undefined) continue;
      setSources.run({ id: row.id, sources: toJson(sources) });
      records++;
    }
    const erased = new Set(scrubber.correctionIds);
    const answers = new Set(scrubber.answers);
    for (const row of corrections.all(params).map((r) => CorrectionRow.parse(r))) {
      const tags = Tags.parse(fromJson(row.tags));
      const kept = tags.filter((tag) => !erased.has(tag));
      // Its draft was the erased correction's answer (or a draft built on it): the answer stays.
      const copied = kept.length < tags.length || (row.draft !== null && answers.has(row.draft));
      if (!copied) continue;
      setCorrection.run({ id: row.id, tags: toJson(kept), draft: null });
      records++;
    }
    for (const row of checkpoints.all(params).map((r) => CheckpointRow.parse(r))) {
      const checkpoint = scrubBlob(scrubber, row.checkpoint);
      const metadata = scrubBlob(scrubber, row.metadata);
      if (checkpoint === undefined && metadata === undefined) continue;
      setCheckpoint.run({
        rowid: row.rowid,
        checkpoint: checkpoint ?? row.checkpoint,
        metadata: metadata ?? row.metadata,
      });
      records++;
    }
    for (const row of writes.all(params).map((r) => WriteRow.parse(r))) {
      const value = scrubBlob(scrubber, row.value);
      if (value === undefined) continue;
      setWrite.run({ rowid: row.rowid, value });
      records++;
    }
    return { reviewIds, records };
  });

  return {
    async findCiting(scrubber) {
      if (scrubber.correctionIds.length === 0) return [];
      const ids = citing
        .all({
          ids: toJson(scrubber.correctionIds),
          answers: toJson(scrubber.answers),
          since: scrubber.since.toISOString(),
          since_ms: scrubber.since.getTime(),
          since_id: checkpointIdAtOrAfter(scrubber.since),
        })
        .map((row) => IdRow.parse(row).id);
      // A thread whose conversation is gone has nobody left to show it to; it was erased with it.
      return existing.all(toJson(ids)).map((row) => IdRow.parse(row).id);
    },

    async scrubCitations(conversationId, scrubber) {
      if (scrubber.correctionIds.length === 0) return { reviewIds: [], records: 0 };
      return scrub.immediate(conversationId, scrubber);
    },
  };
}

function scrubBlob(scrubber: CitationScrubber, blob: Buffer | null): Buffer | undefined {
  if (blob === null) return undefined;
  const scrubbed = scrubber.scrub(fromJson(blob.toString("utf8")));
  return scrubbed === undefined ? undefined : Buffer.from(toJson(scrubbed), "utf8");
}
