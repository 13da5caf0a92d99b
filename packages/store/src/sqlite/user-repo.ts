import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { z } from "zod";
import { Person } from "@handoff/contracts";
import type { Clock, UserRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import { DEFAULT_CAPACITY, UserPatch } from "../shared/user-patch";
import { CountRow, isUniqueViolation, parseOptional } from "./rows";

const UserRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.string(),
  availability: z.string(),
  capacity: z.number(),
  password_hash: z.string(),
  created_at: z.string(),
});

/** A users row mapped to the contract Person (which never carries the hash). */
const personFromRow = UserRow.transform((row) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  status: row.status,
  availability: row.availability,
  capacity: row.capacity,
  createdAt: row.created_at,
})).pipe(Person);

/** A users row with its password hash, for sign-in. */
const credentialsFromRow = UserRow.transform((row) => ({
  user: personFromRow.parse(row),
  passwordHash: row.password_hash,
}));

/** UserRepo on SQLite. */
export function sqliteUserRepo(db: Database.Database, clock: Clock): UserRepo {
  const insert = db.prepare(
    `INSERT INTO users (id, email, name, role, status, availability, capacity, password_hash, created_at)
     VALUES (@id, @email, @name, @role, @status, @availability, @capacity, @password_hash, @created_at)
     RETURNING *`,
  );
  const byEmail = db.prepare("SELECT * FROM users WHERE email = ?");
  const byId = db.prepare("SELECT * FROM users WHERE id = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM users");
  const all = db.prepare("SELECT * FROM users ORDER BY created_at ASC, rowid ASC");
  // COALESCE keeps a field the patch leaves out.
  const update = db.prepare(
    `UPDATE users SET name = COALESCE(@name, name), role = COALESCE(@role, role),
       status = COALESCE(@status, status), availability = COALESCE(@availability, availability),
       capacity = COALESCE(@capacity, capacity)
     WHERE id = @id RETURNING *`,
  );
  const setHash = db.prepare("UPDATE users SET password_hash = ? WHERE id = ?");

  return {
    async create({ email, name, role, passwordHash }) {
      const user = Person.parse({
        id: randomUUID(),
        email: normaliseEmail(email),
        name,
        role,
        status: "active",
        availability: "available",
        capacity: DEFAULT_CAPACITY,
        createdAt: clock.now().toISOString(),
      });
      try {
        return personFromRow.parse(
          insert.get({
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            status: user.status,
            availability: user.availability,
            capacity: user.capacity,
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
      return parseOptional(personFromRow, byId.get(id));
    },

    async count() {
      return CountRow.parse(count.get()).n;
    },

    async list() {
      return all.all().map((row) => personFromRow.parse(row));
    },

    async update(id, patch) {
      const checked = UserPatch.parse(patch);
      return parseOptional(
        personFromRow,
        update.get({
          id,
          name: checked.name ?? null,
          role: checked.role ?? null,
          status: checked.status ?? null,
          availability: checked.availability ?? null,
          capacity: checked.capacity ?? null,
        }),
      );
    },

    async setPasswordHash(id, passwordHash) {
      return setHash.run(z.string().min(1).parse(passwordHash), id).changes === 1;
    },
  };
}
