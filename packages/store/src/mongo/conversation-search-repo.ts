import { trusted } from "mongoose";
import type { ConversationSearchRepo } from "@handoff/core";
import { escapeRegExp } from "../shared/regexp";
import { messageWords } from "../shared/search-filter";
import type { ConversationModel } from "./conversation-model";
import { conversationFromDoc } from "./conversation-repo";
import { filterString, toDate } from "./docs";
import type { MessageModel } from "./message-model";

/** How many conversations a message-word search looks at before the other criteria narrow them. */
const MAX_TEXT_CANDIDATES = 1000;

const startsWith = (prefix: string, anyCase: boolean) =>
  trusted({ $regex: `^${escapeRegExp(prefix)}`, ...(anyCase ? { $options: "i" } : {}) });

/**
 * The console's search on MongoDB: anchored regular expressions on the indexed _id, customer.email and
 * customer.name (prefix queries; the test double has no $text), equality on status and assigneeId,
 * a range on createdAt. Message words are case-insensitive regular expressions on messages.text (a
 * deployment can add a text index: see the README).
 */
export function mongoConversationSearchRepo(models: {
  conversations: ConversationModel;
  messages: MessageModel;
}): ConversationSearchRepo {
  return {
    async search(filter) {
      const and: Record<string, unknown>[] = [];
      if (filter.idPrefix !== undefined)
        and.push({ _id: startsWith(filterString(filter.idPrefix, "idPrefix").toLowerCase(), false) });
      if (filter.emailPrefix !== undefined)
        and.push({ "customer.email": startsWith(filterString(filter.emailPrefix, "emailPrefix"), true) });
      if (filter.namePrefix !== undefined)
        and.push({ "customer.name": startsWith(filterString(filter.namePrefix, "namePrefix"), true) });
      if (filter.status !== undefined) and.push({ status: filterString(filter.status, "status") });
      if (filter.assigneeId !== undefined)
        and.push({ assigneeId: filterString(filter.assigneeId, "assigneeId") });
      if (filter.from !== undefined) and.push({ createdAt: trusted({ $gte: toDate(filter.from) }) });
      if (filter.to !== undefined) and.push({ createdAt: trusted({ $lte: toDate(filter.to) }) });
      const words = messageWords(filter.text);
      if (words.length > 0) {
        const messages = await models.messages
          .find(
            { $and: words.map((w) => ({ text: trusted({ $regex: escapeRegExp(w), $options: "i" }) })) },
            { conversationId: 1 },
          )
          .limit(MAX_TEXT_CANDIDATES)
          .lean();
        const ids = [...new Set(messages.map((m) => filterString(m.conversationId, "conversationId")))];
        if (ids.length === 0) return [];
        and.push({ _id: trusted({ $in: ids }) });
      }
      const docs = await models.conversations
        .find(and.length ? { $and: and } : {})
        .sort({ updatedAt: -1, _id: -1 })
        .limit(filter.limit)
        .lean();
      return docs.map((doc) => conversationFromDoc.parse(doc));
    },
  };
}
