import { trusted } from "mongoose";
import type { CustomerDataRepo } from "@handoff/core";
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

/** The collections a privacy request reaches, and how to drop a conversation's checkpoints. */
export interface CustomerDataModels {
  conversations: ConversationModel;
  messages: MessageModel;
  reviews: ReviewModel;
  corrections: CorrectionModel;
  audit: AuditModel;
  deleteCheckpoints: (conversationIds: readonly string[]) => Promise<number>;
}

/**
 * CustomerDataRepo on MongoDB. Without transactions the erasure goes child records first and the
 * conversation last, so an erasure cut short leaves the conversation findable and can be run again.
 */
export function mongoCustomerDataRepo(models: CustomerDataModels): CustomerDataRepo {
  const inIds = (ids: readonly string[]) =>
    trusted({ $in: ids.map((id) => filterString(id, "conversationId")) });

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
  };
}
