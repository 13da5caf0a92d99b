import type Database from "better-sqlite3";
import { z } from "zod";
import { Correction, CorrectionStatus } from "@handoff/contracts";
import type { Clock, CorrectionRepo } from "@handoff/core";
import { fromJson, toEpochMs, toJson } from "../shared/json";
import { limitParam, parseOptional } from "./rows";

/** A corrections row mapped to the contract Correction. */
export const correctionFromRow = z
  .object({
    id: z.string(),
    question: z.string(),
    answer: z.string(),
    draft: z.string().nullable(),
    status: z.string(),
    reason: z.string().nullable(),
    tags: z.string(),
    conversation_id: z.string().nullable(),
    source_key: z.string().nullable(),
    created_by: z.string().nullable(),
    created_at: z.string(),
    reviewed_by: z.string().nullable(),
    reviewed_at: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    question: row.question,
    answer: row.answer,
    draft: row.draft,
    status: row.status,
    reason: row.reason,
    tags: fromJson(row.tags),
    conversationId: row.conversation_id,
    sourceKey: row.source_key,
    createdBy: row.created_by,
    createdAt: row.created_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
  }))
  .pipe(Correction);

/** CorrectionRepo on SQLite; a unique index on source_key makes a redelivered event a no-op. */
export function sqliteCorrectionRepo(db: Database.Database, clock: Clock): CorrectionRepo {
  const insert = db.prepare(
    `INSERT INTO corrections (id, question, answer, draft, status, reason, tags, conversation_id,
       source_key, created_by, created_at, created_ms, reviewed_by, reviewed_at)
     VALUES (@id, @question, @answer, @draft, @status, @reason, @tags, @conversation_id,
       @source_key, @created_by, @created_at, @created_ms, @reviewed_by, @reviewed_at)
     ON CONFLICT DO NOTHING`,
  );
  const byId = db.prepare("SELECT * FROM corrections WHERE id = ?");
  const bySourceKey = db.prepare("SELECT * FROM corrections WHERE source_key = ?");
  // Newest first: the supervisor sees fresh feedback on top.
  const list = db.prepare(
    `SELECT * FROM corrections WHERE @status IS NULL OR status = @status
     ORDER BY created_ms DESC, rowid DESC LIMIT @limit`,
  );
  const setStatus = db.prepare(
    `UPDATE corrections SET status = @status, reviewed_by = @reviewed_by, reviewed_at = @now
     WHERE id = @id RETURNING *`,
  );

  const update = db.prepare(
    `UPDATE corrections SET question = COALESCE(@question, question), answer = COALESCE(@answer, answer),
       tags = COALESCE(@tags, tags), reason = CASE WHEN @set_reason THEN @reason ELSE reason END
     WHERE id = @id RETURNING *`,
  );

  const create = db.transaction((input: Correction) => {
    const correction = Correction.parse(input);
    const { changes } = insert.run({
      id: correction.id,
      question: correction.question,
      answer: correction.answer,
      draft: correction.draft,
      status: correction.status,
      reason: correction.reason,
      tags: toJson(correction.tags),
      conversation_id: correction.conversationId,
      source_key: correction.sourceKey,
      created_by: correction.createdBy,
      created_at: correction.createdAt,
      created_ms: toEpochMs(correction.createdAt),
      reviewed_by: correction.reviewedBy,
      reviewed_at: correction.reviewedAt,
    });
    // On a conflict the stored one is the one with this sourceKey, or else the one with this id.
    const stored =
      (correction.sourceKey === null ? undefined : bySourceKey.get(correction.sourceKey)) ??
      byId.get(correction.id);
    return { correction: correctionFromRow.parse(stored), created: changes === 1 };
  });

  return {
    async create(correction) {
      return create.immediate(correction);
    },

    async get(id) {
      return parseOptional(correctionFromRow, byId.get(id));
    },

    async list({ status, limit }) {
      const rows = list.all({
        status: status === undefined ? null : CorrectionStatus.parse(status),
        limit: limitParam(limit),
      });
      return rows.map((row) => correctionFromRow.parse(row));
    },

    async update(id, patch) {
      return parseOptional(
        correctionFromRow,
        update.get({
          id,
          question: patch.question ?? null,
          answer: patch.answer ?? null,
          tags: patch.tags === undefined ? null : toJson(patch.tags),
          set_reason: patch.reason === undefined ? 0 : 1,
          reason: patch.reason ?? null,
        }),
      );
    },

    async setStatus(id, status, reviewedBy) {
      return parseOptional(
        correctionFromRow,
        setStatus.get({
          id,
          status: CorrectionStatus.parse(status),
          reviewed_by: reviewedBy,
          now: clock.now().toISOString(),
        }),
      );
    },
  };
}
