import type Database from "better-sqlite3";
import { z } from "zod";
import { HandoffOutcome, Review, ReviewDecision, ReviewStatus, Timestamp } from "@handoff/contracts";
import type { Clock, ReviewRepo } from "@handoff/core";
import { NEVER_MS, fromJson, toEpochMs, toJson } from "../shared/json";
import { limitParam, parseOptional } from "./rows";
import { rowMemo } from "./row-memo";

/** A reviews row mapped to the contract Review (the kind column picks the packet and decision shapes). */
const reviewFromRow = z
  .object({
    id: z.string(),
    kind: z.string(),
    conversation_id: z.string(),
    thread_id: z.string(),
    status: z.string(),
    assignee_id: z.string().nullable(),
    assignee_name: z.string().nullable(),
    created_at: z.string(),
    deadline: z.string(),
    decided_at: z.string().nullable(),
    decided_by: z.string().nullable(),
    packet: z.string(),
    decision: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    kind: row.kind,
    conversationId: row.conversation_id,
    threadId: row.thread_id,
    status: row.status,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    createdAt: row.created_at,
    deadline: row.deadline,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    packet: fromJson(row.packet),
    decision: row.decision === null ? null : fromJson(row.decision),
  }))
  .pipe(Review);

// Mirrors the handoff branch of Review; contracts does not export it on its own.
const HandoffDecision = z.object({ type: HandoffOutcome });

const KindRow = z.object({ kind: z.enum(["approval", "handoff"]) });

/** ReviewRepo on SQLite: claim and decide are single compare-and-set UPDATEs. */
export function sqliteReviewRepo(db: Database.Database, clock: Clock): ReviewRepo {
  // Rows read again unchanged are not parsed again (see row-memo).
  const rowParser = rowMemo(reviewFromRow);
  const insert = db.prepare(
    `INSERT INTO reviews (id, kind, conversation_id, thread_id, status, assignee_id, assignee_name,
       created_at, created_ms, deadline, deadline_ms, decided_at, decided_by, packet, decision)
     VALUES (@id, @kind, @conversation_id, @thread_id, @status, @assignee_id, @assignee_name,
       @created_at, @created_ms, @deadline, @deadline_ms, @decided_at, @decided_by, @packet, @decision)
     ON CONFLICT (id) DO NOTHING`,
  );
  const byId = db.prepare("SELECT * FROM reviews WHERE id = ?");
  const kindById = db.prepare("SELECT kind FROM reviews WHERE id = ?");
  // rowid breaks ties between reviews created in the same millisecond: insertion order.
  const byStatus = db.prepare(
    `SELECT * FROM reviews WHERE status IN (SELECT value FROM json_each(?))
     ORDER BY created_ms ASC, rowid ASC LIMIT ?`,
  );
  const byConversation = db.prepare(
    "SELECT * FROM reviews WHERE conversation_id = ? ORDER BY created_ms ASC, rowid ASC",
  );
  const claim = db.prepare(
    `UPDATE reviews SET status = 'claimed', assignee_id = @assignee_id, assignee_name = @assignee_name
     WHERE id = @id AND kind = 'handoff' AND status = 'pending'
     RETURNING *`,
  );
  const reassign = db.prepare(
    `UPDATE reviews SET status = @status, assignee_id = @assignee_id, assignee_name = @assignee_name
     WHERE id = @id AND kind = 'handoff' AND status = 'claimed' AND assignee_id = @from
     RETURNING *`,
  );
  const decide = db.prepare(
    `UPDATE reviews SET status = 'decided', decision = @decision, decided_by = @decided_by, decided_at = @now,
       resume_due = 1
     WHERE id = @id AND status IN (SELECT value FROM json_each(@from))
     RETURNING *`,
  );
  const forward = db.prepare(
    `UPDATE reviews SET deadline = @deadline, deadline_ms = @ms
     WHERE id = @id AND status = 'pending' AND deadline_ms > @ms RETURNING *`,
  );
  const due = db.prepare(
    `SELECT * FROM reviews WHERE status IN ('pending', 'claimed') AND deadline_ms <= ?
     ORDER BY deadline_ms ASC, rowid ASC LIMIT ?`,
  );

  const unapplied = db.prepare(
    `SELECT * FROM reviews WHERE resume_due = 1 AND decided_at <= ? ORDER BY decided_at ASC, rowid ASC LIMIT ?`,
  );
  const markApplied = db.prepare("UPDATE reviews SET resume_due = 0 WHERE id = ?");
  // deadline_ms is when the sweep next looks at a review (the shown deadline is `deadline`): a handled
  // one is pushed to the end of time, out of every due range, keeping the column's index and NOT NULL.
  const markDeadlineApplied = db.prepare("UPDATE reviews SET deadline_ms = ? WHERE id = ?");

  const create = db.transaction((input: Review) => {
    const review = Review.parse(input);
    const { changes } = insert.run({
      id: review.id,
      kind: review.kind,
      conversation_id: review.conversationId,
      thread_id: review.threadId,
      status: review.status,
      assignee_id: review.assigneeId,
      assignee_name: review.assigneeName,
      created_at: review.createdAt,
      created_ms: toEpochMs(review.createdAt),
      deadline: review.deadline,
      deadline_ms: toEpochMs(review.deadline),
      decided_at: review.decidedAt,
      decided_by: review.decidedBy,
      packet: toJson(review.packet),
      decision: review.decision === null ? null : toJson(review.decision),
    });
    return { review: rowParser.parse(byId.get(review.id)), created: changes === 1 };
  });

  const decideTx = db.transaction(
    (id: string, from: readonly ReviewStatus[], decision: unknown, decidedBy: string | null) => {
      const found = kindById.get(id);
      if (found === undefined) return null;
      const { kind } = KindRow.parse(found);
      // Checked before writing: a decision of the wrong shape would make the row unreadable later.
      const checked =
        kind === "approval" ? ReviewDecision.safeParse(decision) : HandoffDecision.safeParse(decision);
      if (!checked.success) {
        throw new Error(`review ${id} is ${article(kind)} ${kind}; that decision does not fit it`, {
          cause: checked.error,
        });
      }
      return parseOptional(
        rowParser,
        decide.get({
          id,
          from: toJson(from.map((s) => ReviewStatus.parse(s))),
          decision: toJson(checked.data),
          decided_by: decidedBy,
          now: clock.now().toISOString(),
        }),
      );
    },
  );

  return {
    async create(review) {
      return create.immediate(review);
    },

    async get(id) {
      return parseOptional(rowParser, byId.get(id));
    },

    async listByStatus(statuses, limit) {
      return byStatus.all(toJson(statuses), limitParam(limit)).map((row) => rowParser.parse(row));
    },

    async listByConversation(conversationId) {
      return byConversation.all(conversationId).map((row) => rowParser.parse(row));
    },

    async claim(id, assignee) {
      return parseOptional(
        rowParser,
        claim.get({ id, assignee_id: assignee.id, assignee_name: assignee.name }),
      );
    },

    async reassign(id, fromAssigneeId, to) {
      return parseOptional(
        rowParser,
        reassign.get({
          id,
          from: fromAssigneeId,
          status: to ? "claimed" : "pending",
          assignee_id: to?.id ?? null,
          assignee_name: to?.name ?? null,
        }),
      );
    },

    async decide(id, from, decision, decidedBy) {
      return decideTx.immediate(id, from, decision, decidedBy);
    },

    async listDue(now, limit) {
      return due.all(toEpochMs(now), limitParam(limit)).map((row) => rowParser.parse(row));
    },

    async bringDeadlineForward(id, deadline) {
      const checked = Timestamp.parse(deadline);
      return parseOptional(rowParser, forward.get({ id, deadline: checked, ms: toEpochMs(checked) }));
    },

    async listUnapplied(before, limit) {
      return unapplied.all(before, limitParam(limit)).map((row) => rowParser.parse(row));
    },

    async markApplied(id) {
      markApplied.run(id);
    },

    async markDeadlineApplied(id) {
      markDeadlineApplied.run(NEVER_MS, id);
    },
  };
}

/** "an approval" / "a handoff". */
function article(kind: Review["kind"]): string {
  return kind === "approval" ? "an" : "a";
}
