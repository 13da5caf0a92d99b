import { trusted } from "mongoose";
import type { CitationScrubber, CustomerDataRepo } from "@handoff/core";
import type { AuditModel } from "./audit-model";
import { auditFromDoc, detailsUpdate } from "./audit-repo";
import type { ConversationModel } from "./conversation-model";
import { conversationFromDoc } from "./conversation-repo";
import type { CorrectionModel } from "./correction-model";
import { correctionFromDoc } from "./correction-repo";
import { filterString } from "./docs";
import type { MessageModel } from "./message-model";
import type { ReviewModel } from "./review-model";
import { escapeRegExp } from "../shared/regexp";
import type { BoundedMongoDBSaver } from "./bounded-mongodb-saver";

/** The collections a privacy request reaches, and how to drop a conversation's checkpoints. */
export interface CustomerDataModels {
  conversations: ConversationModel;
  messages: MessageModel;
  reviews: ReviewModel;
  corrections: CorrectionModel;
  audit: AuditModel;
  deleteCheckpoints: (conversationIds: readonly string[]) => Promise<number>;
  /** The checkpointer's side of citation scrubbing (BoundedMongoDBSaver). */
  checkpoints: Pick<BoundedMongoDBSaver, "threadsQuoting" | "rewriteConversationThreads">;
}

const inIds = (ids: readonly string[]) => trusted({ $in: ids.map((id) => filterString(id, "id")) });

// Where a review packet cites its sources: approval and handoff packets alike.
const PACKET_SOURCE_PATHS = [
  "packet.sources.id",
  "packet.draft.sources.id",
  "packet.alternatives.sources.id",
  "packet.attempted.sources.id",
];

/**
 * CustomerDataRepo on MongoDB. Without transactions the erasure goes child records first and the
 * conversation last, so an erasure cut short leaves the conversation findable and can be run again.
 */
export function mongoCustomerDataRepo(models: CustomerDataModels): CustomerDataRepo {
  return {
    async findConversations({ email, externalId }) {
      const or = [
        // Stored as the customer typed it; compared case-insensitively, the address taken literally.
        ...(email === undefined
          ? []
          : [
              {
                "customer.email": trusted({
                  $regex: `^${escapeRegExp(filterString(email, "email").trim())}$`,
                  $options: "i",
                }),
              },
            ]),
        ...(externalId === undefined
          ? []
          : [{ "customer.externalId": filterString(externalId, "externalId") }]),
      ];
      if (or.length === 0) return [];
      const docs = await models.conversations
        .find(trusted({ $or: or }))
        .sort({ createdAt: 1, _id: 1 })
        .lean();
      return docs.map((doc) => conversationFromDoc.parse(doc));
    },

    async listCorrections(conversationIds) {
      if (conversationIds.length === 0) return [];
      const docs = await models.corrections
        .find({ conversationId: inIds(conversationIds) })
        .sort({ createdTime: 1, _id: 1 })
        .lean();
      return docs.map((doc) => correctionFromDoc.parse(doc));
    },

    async erase(conversationIds, redact) {
      const ids = inIds(conversationIds);
      // The search text quoted the old details; it is rebuilt from what is left. One round trip for all.
      const redactions = (await models.audit.find({ conversationId: ids }).lean()).map((doc) => {
        const event = auditFromDoc.parse(doc);
        return detailsUpdate({ ...event, details: redact(event) });
      });
      if (redactions.length > 0) await models.audit.bulkWrite(redactions);
      const auditRedacted = redactions.length;
      const messages = await models.messages.deleteMany({ conversationId: ids });
      const reviews = await models.reviews.deleteMany({ conversationId: ids });
      const corrections = await models.corrections.deleteMany({ conversationId: ids });
      const checkpoints = await models.deleteCheckpoints(conversationIds);
      const conversations = await models.conversations.deleteMany({ _id: ids });
      return {
        conversations: conversations.deletedCount,
        messages: messages.deletedCount,
        reviews: reviews.deletedCount,
        corrections: corrections.deletedCount,
        checkpoints,
        auditRedacted,
      };
    },

    ...mongoCitations(models),

    // A client cannot make MongoDB forget bytes (journal, oplog, backups): the README says what an operator does.
    async purgeFreedBytes() {},
  };
}

type Citations = Pick<CustomerDataRepo, "findCiting" | "scrubCitations">;

/**
 * Finding and rewriting the records that cite erased corrections, on MongoDB: packets and message
 * sources by query, checkpoints by reading them (BoundedMongoDBSaver), one document at a time.
 */
function mongoCitations(models: CustomerDataModels): Citations {
  const citingPacket = (scrubber: CitationScrubber) =>
    trusted({ $or: PACKET_SOURCE_PATHS.map((path) => ({ [path]: inIds(scrubber.correctionIds) })) });
  const citingCorrection = (scrubber: CitationScrubber) =>
    trusted({
      $or: [{ tags: inIds(scrubber.correctionIds) }, { draft: trusted({ $in: [...scrubber.answers] }) }],
    });
  const citingSources = (scrubber: CitationScrubber) => inIds(scrubber.correctionIds);

  return {
    async findCiting(scrubber) {
      if (scrubber.correctionIds.length === 0) return [];
      const since = trusted({ $gte: scrubber.since });
      const found = new Set<string>([
        ...(await models.reviews.distinct("conversationId", {
          createdTime: since,
          ...citingPacket(scrubber),
        })),
        ...(await models.messages.distinct("conversationId", {
          createdAt: since,
          "sources.id": citingSources(scrubber),
        })),
        ...(await models.corrections.distinct("conversationId", {
          createdTime: since,
          ...citingCorrection(scrubber),
        })),
      ]);
      for (const threadId of await models.checkpoints.threadsQuoting(scrubber.correctionIds, scrubber.since))
        found.add(threadId.split(":")[0] ?? threadId);
      const ids = [...found].filter((id): id is string => typeof id === "string");
      // A thread whose conversation is gone was erased with it.
      const existing = await models.conversations.find({ _id: inIds(ids) }, { _id: 1 }).lean();
      return existing.map((doc) => doc._id);
    },

    async scrubCitations(conversationId, scrubber) {
      if (scrubber.correctionIds.length === 0) return { reviewIds: [], records: 0 };
      const id = filterString(conversationId, "conversationId");
      const reviewIds: string[] = [];
      let records = 0;
      for (const doc of await models.reviews.find({ conversationId: id, ...citingPacket(scrubber) }).lean()) {
        const packet = scrubber.scrub(doc.packet);
        if (packet === undefined) continue;
        await models.reviews.updateOne({ _id: doc._id }, { $set: { packet } });
        reviewIds.push(doc._id);
        records++;
      }
      const messages = await models.messages
        .find({ conversationId: id, "sources.id": citingSources(scrubber) })
        .lean();
      for (const doc of messages) {
        const sources = scrubber.scrub(doc.sources);
        if (sources === undefined) continue;
        await models.messages.updateOne({ _id: doc._id }, { $set: { sources } });
        records++;
      }
      const erased = new Set(scrubber.correctionIds);
      for (const doc of await models.corrections
        .find({ conversationId: id, ...citingCorrection(scrubber) })
        .lean()) {
        // Its draft was the erased correction's answer (or a draft built on it): the answer stays.
        const tags = doc.tags.filter((tag) => !erased.has(tag));
        await models.corrections.updateOne({ _id: doc._id }, { $set: { tags, draft: null } });
        records++;
      }
      records += await models.checkpoints.rewriteConversationThreads(id, scrubber.correctionIds, (value) =>
        scrubber.scrub(value),
      );
      return { reviewIds, records };
    },
  };
}
