import type Database from "better-sqlite3";
import { z } from "zod";
import { HandoffOffer } from "@handoff/contracts";
import type { OfferRepo } from "@handoff/core";
import { fromJson, toEpochMs, toJson } from "../shared/json";
import { limitParam, parseOptional } from "./rows";

/** A handoff_offers row mapped to the contract HandoffOffer. */
const offerFromRow = z
  .object({
    review_id: z.string(),
    conversation_id: z.string(),
    user_id: z.string(),
    user_name: z.string(),
    team_id: z.string(),
    offered_at: z.string(),
    expires_at: z.string(),
    tried: z.string(),
  })
  .transform((row) => ({
    reviewId: row.review_id,
    conversationId: row.conversation_id,
    userId: row.user_id,
    userName: row.user_name,
    teamId: row.team_id,
    offeredAt: row.offered_at,
    expiresAt: row.expires_at,
    tried: fromJson(row.tried),
  }))
  .pipe(HandoffOffer);

/** OfferRepo on SQLite: one row per handoff (the key refuses a second); taking one is a DELETE ... RETURNING. */
export function sqliteOfferRepo(db: Database.Database): OfferRepo {
  const insert = db.prepare(
    `INSERT INTO handoff_offers (review_id, conversation_id, user_id, user_name, team_id, offered_at, expires_at,
       expires_ms, tried)
     VALUES (@review_id, @conversation_id, @user_id, @user_name, @team_id, @offered_at, @expires_at, @expires_ms,
       @tried)
     ON CONFLICT (review_id) DO NOTHING`,
  );
  const byReview = db.prepare("SELECT * FROM handoff_offers WHERE review_id = ?");
  const take = db.prepare("DELETE FROM handoff_offers WHERE review_id = ? AND user_id = ? RETURNING *");
  const remove = db.prepare("DELETE FROM handoff_offers WHERE review_id = ?");
  const expired = db.prepare(
    "SELECT * FROM handoff_offers WHERE expires_ms <= ? ORDER BY expires_ms ASC, rowid ASC LIMIT ?",
  );
  const all = db.prepare("SELECT * FROM handoff_offers ORDER BY offered_at ASC, rowid ASC");
  const forUser = db.prepare(
    "SELECT * FROM handoff_offers WHERE user_id = ? ORDER BY offered_at ASC, rowid ASC",
  );

  return {
    async add(input) {
      const offer = HandoffOffer.parse(input);
      const { changes } = insert.run({
        review_id: offer.reviewId,
        conversation_id: offer.conversationId,
        user_id: offer.userId,
        user_name: offer.userName,
        team_id: offer.teamId,
        offered_at: offer.offeredAt,
        expires_at: offer.expiresAt,
        expires_ms: toEpochMs(offer.expiresAt),
        tried: toJson(offer.tried),
      });
      return changes === 1;
    },

    async get(reviewId) {
      return parseOptional(offerFromRow, byReview.get(reviewId));
    },

    async take(reviewId, userId) {
      return parseOptional(offerFromRow, take.get(reviewId, userId));
    },

    async delete(reviewId) {
      remove.run(reviewId);
    },

    async listExpired(now, limit) {
      return expired.all(toEpochMs(now), limitParam(limit)).map((row) => offerFromRow.parse(row));
    },

    async list(filter = {}) {
      const rows = filter.userId === undefined ? all.all() : forUser.all(filter.userId);
      return rows.map((row) => offerFromRow.parse(row));
    },
  };
}
