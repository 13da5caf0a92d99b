import {
  ConversationSearchResult,
  CustomerProfileView,
  type ConversationSearchQuery,
} from "@handoff/contracts";
import type { Query, RestClient } from "./rest-client";

/** What the search screen asks for (the server applies the limit's default). */
export type SearchInput = Omit<Partial<ConversationSearchQuery>, "limit">;

/** GET /api/search/conversations */
export const searchConversations = (client: RestClient, input: SearchInput) => {
  const query: Query = { ...input };
  return client.get(ConversationSearchResult, "/api/search/conversations", query).then((r) => r.hits);
};

/** GET /api/customers/profile: the customer of a conversation, their conversations and ratings. */
export const customerProfile = (client: RestClient, conversationId: string) =>
  client.get(CustomerProfileView, "/api/customers/profile", { conversationId });
