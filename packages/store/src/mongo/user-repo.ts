import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Person } from "@handoff/contracts";
import type { Clock, UserRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import { DEFAULT_CAPACITY, UserPatch } from "../shared/user-patch";
import { filterString, isDuplicateKey, parseNullable } from "./docs";
import type { UserModel } from "./user-model";

const UserDoc = z.object({
  _id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  // Documents written before accounts could be deactivated have no status.
  status: z.string().default("active"),
  availability: z.string().default("available"),
  capacity: z.number().default(DEFAULT_CAPACITY),
  passwordHash: z.string(),
  createdAt: z.date(),
});

/** A users document mapped to the contract Person (which never carries the hash). */
const personFromDoc = UserDoc.transform((doc) => ({
  id: doc._id,
  email: doc.email,
  name: doc.name,
  role: doc.role,
  status: doc.status,
  availability: doc.availability,
  capacity: doc.capacity,
  createdAt: doc.createdAt.toISOString(),
})).pipe(Person);

/** A users document with its password hash, for sign-in. */
const credentialsFromDoc = UserDoc.transform((doc) => ({
  user: personFromDoc.parse(doc),
  passwordHash: doc.passwordHash,
}));

/** UserRepo on MongoDB. */
export function mongoUserRepo(model: UserModel, clock: Clock): UserRepo {
  return {
    async create({ email, name, role, passwordHash }) {
      const at = clock.now();
      const user = Person.parse({
        id: randomUUID(),
        email: normaliseEmail(filterString(email, "email")),
        name,
        role,
        status: "active",
        availability: "available",
        capacity: DEFAULT_CAPACITY,
        createdAt: at.toISOString(),
      });
      try {
        await model.create({
          ...user,
          _id: user.id,
          passwordHash: z.string().min(1).parse(passwordHash),
          createdAt: at,
        });
      } catch (error) {
        if (isDuplicateKey(error))
          throw new Error(`a user with email ${user.email} already exists`, { cause: error });
        throw error;
      }
      return user;
    },

    async findByEmail(email) {
      const doc = await model.findOne({ email: normaliseEmail(filterString(email, "email")) }).lean();
      return parseNullable(credentialsFromDoc, doc);
    },

    async get(id) {
      return parseNullable(personFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async count() {
      return model.countDocuments();
    },

    async list() {
      const docs = await model.find({}).sort({ createdAt: 1, _id: 1 }).lean();
      return docs.map((doc) => personFromDoc.parse(doc));
    },

    async update(id, patch) {
      const doc = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id") },
          { $set: UserPatch.parse(patch) },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(personFromDoc, doc);
    },

    async setPasswordHash(id, passwordHash) {
      const result = await model.updateOne(
        { _id: filterString(id, "id") },
        { $set: { passwordHash: z.string().min(1).parse(passwordHash) } },
      );
      return result.matchedCount === 1;
    },
  };
}
