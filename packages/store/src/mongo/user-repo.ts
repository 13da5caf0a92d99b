import { randomUUID } from "node:crypto";
import { z } from "zod";
import { User } from "@handoff/contracts";
import type { Clock, UserRepo } from "@handoff/core";
import { normaliseEmail } from "../shared/email";
import { filterString, isDuplicateKey, parseNullable } from "./docs";
import type { UserModel } from "./user-model";

const UserDoc = z.object({
  _id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  passwordHash: z.string(),
  createdAt: z.date(),
});

/** A users document mapped to the contract User (which never carries the hash). */
const userFromDoc = UserDoc.transform((doc) => ({
  id: doc._id,
  email: doc.email,
  name: doc.name,
  role: doc.role,
  createdAt: doc.createdAt.toISOString(),
})).pipe(User);

/** A users document with its password hash, for sign-in. */
const credentialsFromDoc = UserDoc.transform((doc) => ({
  user: userFromDoc.parse(doc),
  passwordHash: doc.passwordHash,
}));

/** UserRepo on MongoDB. */
export function mongoUserRepo(model: UserModel, clock: Clock): UserRepo {
  return {
    async create({ email, name, role, passwordHash }) {
      const at = clock.now();
      const user = User.parse({
        id: randomUUID(),
        email: normaliseEmail(filterString(email, "email")),
        name,
        role,
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
      return parseNullable(userFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async count() {
      return model.countDocuments();
    },
  };
}
