import type Database from "better-sqlite3";
import { z } from "zod";
import { Team, TeamPatch } from "@handoff/contracts";
import type { TeamRepo } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";
import { isUniqueViolation, parseOptional } from "./rows";

/** A teams row mapped to the contract Team. */
const teamFromRow = z
  .object({
    id: z.string(),
    name: z.string(),
    categories: z.string(),
    members: z.string(),
    hours: z.string().nullable(),
    offer_seconds: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    categories: fromJson(row.categories),
    members: fromJson(row.members),
    hours: row.hours === null ? null : fromJson(row.hours),
    offerSeconds: row.offer_seconds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }))
  // The stored row always has the number (the column has a default).
  .pipe(Team.extend({ offerSeconds: Team.shape.offerSeconds.unwrap() }));

/** Names are unique whatever their case, so "Billing" and "billing" cannot both exist. */
const nameKey = (name: string) => name.trim().toLowerCase();

/** TeamRepo on SQLite: JSON columns for the lists and the hours. */
export function sqliteTeamRepo(db: Database.Database): TeamRepo {
  const insert = db.prepare(
    `INSERT INTO teams (id, name, name_key, categories, members, hours, offer_seconds, created_at, updated_at)
     VALUES (@id, @name, @name_key, @categories, @members, @hours, @offer_seconds, @created_at, @updated_at)
     RETURNING *`,
  );
  const all = db.prepare("SELECT * FROM teams ORDER BY name_key ASC");
  const byId = db.prepare("SELECT * FROM teams WHERE id = ?");
  const replace = db.prepare(
    `UPDATE teams SET name = @name, name_key = @name_key, categories = @categories, members = @members,
       hours = @hours, offer_seconds = @offer_seconds, updated_at = @updated_at
     WHERE id = @id RETURNING *`,
  );
  const remove = db.prepare("DELETE FROM teams WHERE id = ?");

  const row = (team: Team) => ({
    id: team.id,
    name: team.name,
    name_key: nameKey(team.name),
    categories: toJson(team.categories),
    members: toJson(team.members),
    hours: team.hours === null ? null : toJson(team.hours),
    offer_seconds: team.offerSeconds,
    created_at: team.createdAt,
    updated_at: team.updatedAt,
  });
  const unique = <T>(write: () => T, name: string): T => {
    try {
      return write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Error(`a team named ${name} already exists`, { cause: error });
      throw error;
    }
  };
  // Read, merge and write in one transaction, so two changes to one team cannot interleave.
  const update = db.transaction((id: string, patch: unknown, updatedAt: string) => {
    const current = parseOptional(teamFromRow, byId.get(id));
    if (!current) return null;
    const next = Team.parse({ ...current, ...TeamPatch.parse(patch), updatedAt });
    return teamFromRow.parse(unique(() => replace.get(row(next)), next.name));
  });

  return {
    async list() {
      return all.all().map((r) => teamFromRow.parse(r));
    },

    async get(id) {
      return parseOptional(teamFromRow, byId.get(id));
    },

    async create(input) {
      const team = Team.parse(input);
      return teamFromRow.parse(unique(() => insert.get(row(team)), team.name));
    },

    async update(id, patch, updatedAt) {
      return update.immediate(id, patch, updatedAt);
    },

    async delete(id) {
      return remove.run(id).changes === 1;
    },
  };
}
