import { trusted } from "mongoose";
import type { Clock, LeaseRepo } from "@handoff/core";
import { filterString, isDuplicateKey } from "./docs";
import type { LeaseModel } from "./lease-model";

/**
 * LeaseRepo on MongoDB: an upsert filtered on "ours or expired". When someone else holds it, the
 * filter misses, the upsert tries to insert the same _id and the unique key refuses: not acquired.
 */
export function mongoLeaseRepo(model: LeaseModel, clock: Clock): LeaseRepo {
  return {
    async acquire(key, owner, ttlMs) {
      const id = filterString(key, "key");
      const who = filterString(owner, "owner");
      const now = clock.now();
      try {
        await model.updateOne(
          { _id: id, $or: [{ owner: who }, { expiresAt: trusted({ $lte: now }) }] },
          { $set: { owner: who, expiresAt: new Date(now.getTime() + ttlMs) } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async release(key, owner) {
      await model.deleteOne({ _id: filterString(key, "key"), owner: filterString(owner, "owner") });
    },

    async renew(key, owner, ttlMs) {
      const { matchedCount } = await model.updateOne(
        { _id: filterString(key, "key"), owner: filterString(owner, "owner") },
        { $set: { expiresAt: new Date(clock.now().getTime() + ttlMs) } },
      );
      return matchedCount === 1;
    },

    async holds(key, owner) {
      const held = await model.exists({ _id: filterString(key, "key"), owner: filterString(owner, "owner") });
      return held !== null;
    },
  };
}
