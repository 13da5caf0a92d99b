import { trusted } from "mongoose";
import { z } from "zod";
import { SavedReply } from "@handoff/contracts";
import type { SavedReplyRepo } from "@handoff/core";
import { scopeKey } from "../shared/saved-reply-scope";
import { filterString, isDuplicateKey, parseNullable } from "./docs";
import type { SavedReplyModel } from "./saved-reply-model";

/** A saved_replies document mapped to the contract SavedReply. */
const replyFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, scopeKey: _key, ...rest }) => ({ ...rest, id: _id }))
  .pipe(SavedReply);

/** SavedReplyRepo on MongoDB: the unique (scopeKey, shortcut) index refuses a taken shortcut. */
export function mongoSavedReplyRepo(model: SavedReplyModel): SavedReplyRepo {
  return {
    async create(input) {
      const reply = SavedReply.parse(input);
      const { id, ...fields } = reply;
      try {
        await model.create({ ...fields, _id: id, scopeKey: scopeKey(reply) });
      } catch (error) {
        if (isDuplicateKey(error)) return null;
        throw error;
      }
      return reply;
    },

    async get(id) {
      return parseNullable(replyFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async listFor(ownerId) {
      const keys = ["team", `user:${filterString(ownerId, "ownerId")}`];
      const docs = await model
        .find({ scopeKey: trusted({ $in: keys }) })
        .sort({ shortcut: 1, scopeKey: 1 })
        .lean();
      return docs.map((doc) => replyFromDoc.parse(doc));
    },

    async update(id, patch) {
      const set = Object.fromEntries(
        Object.entries({
          shortcut: patch.shortcut,
          title: patch.title,
          text: patch.text,
          updatedAt: patch.updatedAt,
        })
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, filterString(value, key)]),
      );
      try {
        const doc = await model
          .findByIdAndUpdate(filterString(id, "id"), { $set: set }, { new: true })
          .lean();
        return parseNullable(replyFromDoc, doc);
      } catch (error) {
        if (isDuplicateKey(error)) return "taken";
        throw error;
      }
    },

    async delete(id) {
      const { deletedCount } = await model.deleteOne({ _id: filterString(id, "id") });
      return deletedCount > 0;
    },
  };
}
