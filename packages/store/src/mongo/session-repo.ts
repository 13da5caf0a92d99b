import { trusted } from "mongoose";
import { z } from "zod";
import { Id, Timestamp } from "@handoff/contracts";
import type { SessionRepo } from "@handoff/core";
import { filterString, parseNullable, toDate } from "./docs";
import type { SessionModel } from "./session-model";

const sessionFromDoc = z
  .object({ userId: z.string(), expiresAt: z.string() })
  .pipe(z.object({ userId: Id, expiresAt: Timestamp }));

/** SessionRepo on MongoDB; expiry is stored, and judged by the caller who knows the time. */
export function mongoSessionRepo(model: SessionModel): SessionRepo {
  return {
    async create({ tokenHash, userId, expiresAt }) {
      const checked = Timestamp.parse(expiresAt);
      await model.create({
        _id: filterString(tokenHash, "tokenHash"),
        userId: Id.parse(userId),
        expiresAt: checked,
        expiresTime: toDate(checked),
      });
    },

    async find(tokenHash) {
      const doc = await model
        .findById(filterString(tokenHash, "tokenHash"), { userId: 1, expiresAt: 1 })
        .lean();
      return parseNullable(sessionFromDoc, doc);
    },

    async delete(tokenHash) {
      await model.deleteOne({ _id: filterString(tokenHash, "tokenHash") });
    },

    async deleteForUser(userId, exceptTokenHash) {
      const except =
        exceptTokenHash === undefined
          ? {}
          : { _id: trusted({ $ne: filterString(exceptTokenHash, "tokenHash") }) };
      const result = await model.deleteMany({ userId: filterString(userId, "userId"), ...except });
      return result.deletedCount;
    },
  };
}
