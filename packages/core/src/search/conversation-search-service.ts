import {
  idPrefix,
  type Conversation,
  type ConversationHit,
  type ConversationSearchQuery,
  type CustomerProfileView,
  type CustomerRating,
  type SearchMatch,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { ConversationFilter, Store } from "../ports";

/** How a typed search reads: an id ("#3f2a" or 8+ hex characters), an email, or words. */
export type ReadQuery = { kind: "id" | "email" | "words"; value: string } | null;

/** Reads what a person typed in the search box. */
export function readQuery(q: string | undefined): ReadQuery {
  const typed = q?.trim() ?? "";
  if (!typed) return null;
  if (/^#[0-9a-f-]{4,}$/i.test(typed) || /^[0-9a-f]{8}(-[0-9a-f-]*)?$/i.test(typed))
    return { kind: "id", value: idPrefix(typed) };
  if (typed.includes("@")) return { kind: "email", value: typed.toLowerCase() };
  return { kind: "words", value: typed };
}

/** The most conversations a profile lists. */
const PROFILE_CONVERSATIONS = 50;

/**
 * Finding conversations: by the short id the console shows, the customer's email or name, words of a
 * message, status, agent and start date; and a customer's profile with their conversations and ratings.
 */
export class ConversationSearchService {
  constructor(private readonly store: Store) {}

  async search(query: ConversationSearchQuery): Promise<ConversationHit[]> {
    const { q, limit, ...filters } = query;
    const base: ConversationFilter = { ...filters, limit };
    const read = readQuery(q);
    const find = (extra: Partial<ConversationFilter>, matched: SearchMatch) =>
      this.store.search
        .search({ ...base, ...extra })
        .then((found) => found.map((conversation) => ({ conversation, matched })));
    if (!read) return find({}, "filters");
    if (read.kind === "id") return find({ idPrefix: read.value }, "id");
    if (read.kind === "email") return find({ emailPrefix: read.value }, "email");
    // Words: the customer's name first, then conversations with a message holding them all.
    const [byName, byText] = await Promise.all([
      find({ namePrefix: read.value }, "name"),
      find({ text: read.value }, "text"),
    ]);
    const seen = new Set<string>();
    return [...byName, ...byText]
      .filter((hit) => !seen.has(hit.conversation.id) && seen.add(hit.conversation.id))
      .slice(0, limit);
  }

  /**
   * The full id of a conversation typed as the console shows it ("#3f2a9c1d"); a full id, or a prefix
   * that matches no single conversation, is returned as typed (and then matches nothing).
   */
  async resolveConversationId(typed: string): Promise<string> {
    const read = readQuery(typed);
    if (read?.kind !== "id") return typed;
    const found = await this.store.search.search({ idPrefix: read.value, limit: 2 });
    return found.length === 1 && found[0] ? found[0].id : typed;
  }

  /** Who the customer of a conversation is, every conversation of theirs, and the ratings they gave. */
  async profile(conversationId: string): Promise<CustomerProfileView> {
    const conversation = await this.store.conversations.get(conversationId);
    if (!conversation) throw new DomainError("not_found", "conversation not found");
    const { email, externalId } = conversation.customer;
    const theirs =
      email || externalId
        ? await this.store.customerData.findConversations({
            ...(email ? { email } : {}),
            ...(externalId ? { externalId } : {}),
          })
        : [];
    const conversations = (theirs.some((c) => c.id === conversation.id) ? theirs : [...theirs, conversation])
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .slice(0, PROFILE_CONVERSATIONS);
    return {
      customer: conversation.customer,
      identified: Boolean(externalId),
      conversations,
      ratings: await this.ratings(conversations),
    };
  }

  private async ratings(conversations: Conversation[]): Promise<CustomerRating[]> {
    const ratings: CustomerRating[] = [];
    for (const c of conversations) {
      for (const action of ["conversation.rated", "message.rated"] as const) {
        for (const event of await this.store.audit.list({ conversationId: c.id, action, limit: 50 })) {
          const base = { conversationId: c.id, at: event.at, score: null, thumb: null, comment: null };
          if (event.action === "conversation.rated")
            ratings.push({
              ...base,
              score: event.details.score ?? null,
              comment: event.details.comment ?? null,
            });
          if (event.action === "message.rated")
            ratings.push({ ...base, thumb: event.details.rating ?? null });
        }
      }
    }
    return ratings.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  }
}
