import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { z } from "zod";
import { User } from "@handoff/contracts";
import type { Clock, UserRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import { CountRow, isUniqueViolation, parseOptional } from "./rows";

const UserRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  password_hash: z.string(),
  created_at: z.string(),
});

/** A users row mapped to the contract User (which never carries the hash). */
const userFromRow = UserRow.transform((row) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
})).pipe(User);

/** A users row with its password hash, for sign-in. */
const credentialsFromRow = UserRow.transform((row) => ({
  user: userFromRow.parse(row),
  passwordHash: row.password_hash,
}));

/** UserRepo on SQLite. */
export function sqliteUserRepo(db: Database.Database, clock: Clock): UserRepo {
  const insert = db.prepare(
    `INSERT INTO users (id, email, name, role, password_hash, created_at)
     VALUES (@id, @email, @name, @role, @password_hash, @created_at) RETURNING *`,
  );
  const byEmail = db.prepare("SELECT * FROM users WHERE email = ?");
  const byId = db.prepare("SELECT * FROM users WHERE id = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM users");

  return {
    async create({ email, name, role, passwordHash }) {
      const user = User.parse({
        id: randomUUID(),
        email: normaliseEmail(email),
        name,
        role,
        createdAt: clock.now().toISOString(),
      });
      try {
        return userFromRow.parse(
          insert.get({
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: passwordHash,
            created_at: user.createdAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw new Error(`a user with email ${user.email} already exists`, { cause: error });
        throw error;
      }
    },

    async findByEmail(email) {
      return parseOptional(credentialsFromRow, byEmail.get(normaliseEmail(email)));
    },

    async get(id) {
      return parseOptional(userFromRow, byId.get(id));
    },

    async count() {
      return CountRow.parse(count.get()).n;
    },
  };
}
