import { trusted } from "mongoose";
import { z } from "zod";
import { Conversation, ConversationStatus, CustomerLanguage, CustomerProfile } from "@handoff/contracts";
import type { Clock, ConversationPatch, ConversationRepo } from "@handoff/core";
import type { ConversationModel } from "./conversation-model";
import { checkLimit, filterString, isDuplicateKey, parseNullable, plainJson } from "./docs";

/** A conversations document mapped to the contract Conversation. */
export const conversationFromDoc = z
  .object({
    _id: z.string(),
    status: z.string(),
    customer: z.unknown(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    category: z.string().nullable(),
    lastSeq: z.number(),
    lastMessagePreview: z.string().nullable(),
    // Absent on documents written before the field.
    language: z.string().nullable().default(null),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .transform((doc) => ({
    id: doc._id,
    status: doc.status,
    customer: doc.customer,
    assigneeId: doc.assigneeId,
    assigneeName: doc.assigneeName,
    category: doc.category,
    lastSeq: doc.lastSeq,
    lastMessagePreview: doc.lastMessagePreview,
    language: doc.language,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  }))
  .pipe(Conversation);

/** ConversationRepo on MongoDB: transitions are one findOneAndUpdate filtered on the expected statuses. */
export function mongoConversationRepo(model: ConversationModel, clock: Clock): ConversationRepo {
  return {
    async create({ id, customer }) {
      const now = clock.now();
      const conversation = Conversation.parse({
        id,
        status: "bot",
        customer: plainJson(CustomerProfile.parse(customer)),
        assigneeId: null,
        assigneeName: null,
        category: null,
        lastSeq: 0,
        lastMessagePreview: null,
        language: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      try {
        await model.create({
          _id: conversation.id,
          status: conversation.status,
          customer: conversation.customer,
          assigneeId: null,
          assigneeName: null,
          category: null,
          lastSeq: 0,
          previewSeq: 0,
          lastMessagePreview: null,
          language: null,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw new Error(`conversation ${id} already exists`, { cause: error });
        throw error;
      }
      return conversation;
    },

    async get(id) {
      return parseNullable(conversationFromDoc, await model.findById(filterString(id, "id")).lean());
    },

    async transition(id, from, patch) {
      const statuses = from.map((s) => ConversationStatus.parse(s));
      const updated = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id"), status: trusted({ $in: statuses }) },
          { $set: patchFields(patch), $max: { updatedAt: clock.now() } },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(conversationFromDoc, updated);
    },

    async updateCustomer(id, customer) {
      const updated = await model
        .findOneAndUpdate(
          { _id: filterString(id, "id") },
          {
            $set: { customer: plainJson(CustomerProfile.parse(customer)) },
            $max: { updatedAt: clock.now() },
          },
          { returnDocument: "after", runValidators: true },
        )
        .lean();
      return parseNullable(conversationFromDoc, updated);
    },

    async setLanguage(id, language) {
      const result = await model.updateOne(
        { _id: filterString(id, "id") },
        { $set: { language: CustomerLanguage.parse(language) } },
      );
      return result.matchedCount > 0;
    },

    async list({ statuses, limit }) {
      const max = checkLimit(limit);
      if (max === 0 || statuses?.length === 0) return [];
      const filter =
        statuses === undefined ? {} : { status: trusted({ $in: statuses.filter(isConversationStatus) }) };
      // _id breaks ties between conversations touched in the same millisecond, so pages are stable.
      const docs = await model
        .find(filter)
        .sort({ updatedAt: -1, _id: -1 })
        .limit(max ?? 0)
        .lean();
      return docs.map((doc) => conversationFromDoc.parse(doc));
    },
  };
}

/** A filter, not a write: an unknown status just matches nothing, as in the SQLite adapter. */
function isConversationStatus(status: unknown): status is ConversationStatus {
  return ConversationStatus.safeParse(status).success;
}

/**
 * The $set of a transition. Absent optional fields are left out (kept); null clears them. Values are
 * checked here because a bad one would otherwise be stored and break every later read.
 */
function patchFields(patch: ConversationPatch) {
  const NullableString = z.string().nullable();
  return {
    status: ConversationStatus.parse(patch.status),
    ...(patch.assigneeId === undefined
      ? {}
      : { assigneeId: Conversation.shape.assigneeId.parse(patch.assigneeId) }),
    ...(patch.assigneeName === undefined ? {} : { assigneeName: NullableString.parse(patch.assigneeName) }),
    ...(patch.category === undefined ? {} : { category: NullableString.parse(patch.category) }),
  };
}
