import { trusted } from "mongoose";
import { z } from "zod";
import { HandoffOffer } from "@handoff/contracts";
import type { OfferRepo } from "@handoff/core";
import { checkLimit, filterString, isDuplicateKey, parseNullable, toDate } from "./docs";
import type { OfferModel } from "./offer-model";

/** A handoff_offers document mapped to the contract HandoffOffer. */
const offerFromDoc = z
  .object({ _id: z.string() })
  .passthrough()
  .transform(({ _id, expiresTime: _instant, ...rest }) => ({ ...rest, reviewId: _id }))
  .pipe(HandoffOffer);

const OLDEST_FIRST = { offeredAt: 1, _id: 1 } as const;

/** OfferRepo on MongoDB: the _id refuses a second offer; taking one is a findOneAndDelete on its person. */
export function mongoOfferRepo(model: OfferModel): OfferRepo {
  return {
    async add(input) {
      const { reviewId, ...offer } = HandoffOffer.parse(input);
      try {
        await model.create({ _id: reviewId, ...offer, expiresTime: toDate(offer.expiresAt) });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async get(reviewId) {
      return parseNullable(offerFromDoc, await model.findById(filterString(reviewId, "reviewId")).lean());
    },

    async take(reviewId, userId) {
      const doc = await model
        .findOneAndDelete({ _id: filterString(reviewId, "reviewId"), userId: filterString(userId, "userId") })
        .lean();
      return parseNullable(offerFromDoc, doc);
    },

    async delete(reviewId) {
      await model.deleteOne({ _id: filterString(reviewId, "reviewId") });
    },

    async listExpired(now, limit) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      const docs = await model
        .find({ expiresTime: trusted({ $lte: toDate(filterString(now, "now")) }) })
        .sort({ expiresTime: 1, _id: 1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => offerFromDoc.parse(doc));
    },

    async list(filter = {}) {
      const query = filter.userId === undefined ? {} : { userId: filterString(filter.userId, "userId") };
      const docs = await model.find(query).sort(OLDEST_FIRST).lean();
      return docs.map((doc) => offerFromDoc.parse(doc));
    },
  };
}
