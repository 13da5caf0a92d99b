import { z } from "zod";
import { Correction, CorrectionStatus, Id } from "@handoff/contracts";
import type { Clock, CorrectionRepo } from "@handoff/core";
import type { CorrectionModel } from "./correction-model";
import { checkLimit, filterString, isDuplicateKey, parseNullable, toDate } from "./docs";

/** A corrections document mapped to the contract Correction. */
export const correctionFromDoc = z
  .object({
    _id: z.string(),
    question: z.string(),
    answer: z.string(),
    draft: z.string().nullable(),
    status: z.string(),
    reason: z.string().nullable(),
    tags: z.array(z.string()),
    conversationId: z.string().nullable(),
    sourceKey: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .transform(({ _id, ...rest }) => ({ ...rest, id: _id }))
  .pipe(Correction);

/** CorrectionRepo on MongoDB; the unique partial index on sourceKey makes a redelivered event a no-op. */
export function mongoCorrectionRepo(model: CorrectionModel, clock: Clock): CorrectionRepo {
  return {
    async create(input) {
      const correction = Correction.parse(input);
      try {
        await model.create({ ...correction, _id: correction.id, createdTime: toDate(correction.createdAt) });
        return { correction, created: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // The stored one is the one with this sourceKey, or else the one with this id.
        const stored =
          (correction.sourceKey === null
            ? null
            : await model.findOne({ sourceKey: correction.sourceKey }).lean()) ??
          (await model.findById(correction.id).lean());
        return { correction: correctionFromDoc.parse(stored), created: false };
      }
    },

    async get(id) {
      return parseNullable(correctionFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async list({ status, limit }) {
      const max = checkLimit(limit);
      if (max === 0) return [];
      const filter = status === undefined ? {} : { status: CorrectionStatus.parse(status) };
      // Newest first: the supervisor sees fresh feedback on top.
      const docs = await model
        .find(filter)
        .sort({ createdTime: -1, _id: -1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => correctionFromDoc.parse(doc));
    },

    async update(id, patch) {
      // Checked with the contract's field schemas: a value that would not read back is never stored.
      const fields = {
        ...(patch.question === undefined
          ? {}
          : { question: Correction.shape.question.parse(patch.question) }),
        ...(patch.answer === undefined ? {} : { answer: Correction.shape.answer.parse(patch.answer) }),
        ...(patch.tags === undefined ? {} : { tags: Correction.shape.tags.parse(patch.tags) }),
        ...(patch.reason === undefined ? {} : { reason: Correction.shape.reason.parse(patch.reason) }),
      };
      const filter = { _id: filterString(id, "id") };
      const updated =
        Object.keys(fields).length === 0
          ? await model.findOne(filter).lean()
          : await model
              .findOneAndUpdate(filter, { $set: fields }, { returnDocument: "after", runValidators: true })
              .lean();
      return parseNullable(correctionFromDoc, updated);
    },

    async setStatus(id, status, reviewedBy) {
      const updated = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id") },
          {
            $set: {
              status: CorrectionStatus.parse(status),
              reviewedBy: Id.nullable().parse(reviewedBy),
              reviewedAt: clock.now().toISOString(),
            },
          },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(correctionFromDoc, updated);
    },
  };
}
