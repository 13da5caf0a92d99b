import type {
  Actor,
  Conversation,
  CustomerErasure,
  CustomerExport,
  CustomerLookup,
} from "@handoff/contracts";
import { messageText } from "@handoff/contracts";
import { DomainError } from "../errors";
import type { KnowledgeService } from "../knowledge";
import { systemClock, type Clock, type Notifier, type Store } from "../ports";
import { ErasedCitations } from "./erased-citations";
import { redactAuditDetails } from "./redact-audit";

/** More than any one customer's history; the audit list needs a bound. */
const MAX_AUDIT_EVENTS = 100_000;
const MAX_DELIVERIES = 100_000;

/**
 * Privacy requests about one customer: export everything stored about them, or erase it. Both are
 * audited by who asked and which conversations, never by the customer's email (an erasure would
 * otherwise leave it behind in the log).
 */
export class CustomerDataService {
  constructor(
    private readonly store: Store,
    private readonly knowledge: KnowledgeService,
    private readonly notifier: Notifier,
    /** Runs work on one conversation in turn with the bot and agents (ConversationService.exclusive). */
    private readonly exclusive: <T>(conversationId: string, task: () => Promise<T>) => Promise<T> = (
      _id,
      task,
    ) => task(),
    private readonly clock: Clock = systemClock,
  ) {}

  /** Conversations, messages (internal notes included), reviews, corrections, audit events and channels. */
  async export(lookup: CustomerLookup, actor: Actor): Promise<CustomerExport> {
    const conversations = await this.conversationsOf(lookup);
    const ids = conversations.map((c) => c.id);
    const result: CustomerExport = {
      exportedAt: this.clock.now().toISOString(),
      conversations,
      messages: [],
      reviews: [],
      corrections: await this.store.customerData.listCorrections(ids),
      audit: [],
      channels: [],
      channelDeliveries: [],
    };
    for (const id of ids) {
      const link = await this.store.channels.getLink(id);
      if (link) result.channels.push(link);
      result.channelDeliveries.push(
        ...(await this.store.channels.listDeliveries({ conversationId: id }, MAX_DELIVERIES)),
      );
      // A notice is stored as a kind with no text; the export is read by a person, so it says it.
      const messages = await this.store.messages.listSince(id, 0);
      result.messages.push(...messages.map((m) => (m.notice ? { ...m, text: messageText(m, "en") } : m)));
      result.reviews.push(...(await this.store.reviews.listByConversation(id)));
      const events = await this.store.audit.list({ conversationId: id, limit: MAX_AUDIT_EVENTS });
      result.audit.push(...events.reverse());
    }
    await this.store.audit.append({
      actor,
      action: "customer.exported",
      conversationId: null,
      details: { by: lookupKind(lookup), conversationIds: ids },
    });
    return result;
  }

  /**
   * Deletes the customer's conversations with their messages, reviews, the corrections drawn from
   * them and their checkpoints; their audit events lose any detail that could quote the customer.
   * The corrections leave the answer index on every instance, and every other conversation's records
   * that cited one lose the citation (ErasedCitations): an open review shows its next draft, or a
   * withdrawn notice, and is pushed to the consoles again. Last, the store makes the freed bytes
   * unrecoverable where it can.
   */
  async erase(lookup: CustomerLookup, actor: Actor): Promise<CustomerErasure> {
    const ids = (await this.conversationsOf(lookup)).map((c) => c.id);
    const drawn = await this.store.customerData.listCorrections(ids);
    let erased: CustomerErasure = { ...NOTHING_ERASED };
    // One conversation at a time, each in its turn: a bot run that was under way cannot write into a
    // conversation after it is gone.
    for (const id of ids) {
      const counts = await this.exclusive(id, () => this.store.customerData.erase([id], redactAuditDetails));
      erased = addCounts(erased, { ...counts, citationsRemoved: 0 });
      this.notifier.publish({ type: "conversation.erased", data: { conversationId: id } });
    }
    if (drawn.length > 0) {
      // First out of the index, so no new draft can cite them; then out of what already did.
      await this.knowledge.refreshCorrections();
      erased.citationsRemoved = await this.scrubCitations(new ErasedCitations(drawn));
    }
    await this.store.audit.append({
      actor,
      action: "customer.erased",
      conversationId: null,
      details: { by: lookupKind(lookup), conversationIds: ids, ...erased },
    });
    await this.store.customerData.purgeFreedBytes();
    return erased;
  }

  /** Each citing conversation in its turn, so no decision or bot run interleaves with its rewrite. */
  private async scrubCitations(citations: ErasedCitations): Promise<number> {
    let records = 0;
    for (const conversationId of await this.store.customerData.findCiting(citations)) {
      const scrubbed = await this.exclusive(conversationId, () =>
        this.store.customerData.scrubCitations(conversationId, citations),
      );
      records += scrubbed.records;
      for (const reviewId of scrubbed.reviewIds) {
        const review = await this.store.reviews.get(reviewId);
        if (review && (review.status === "pending" || review.status === "claimed"))
          this.notifier.publish({ type: "review.updated", data: { review } });
      }
    }
    // A correction drawn from a draft that cited an erased one lost that tag; the index has tags too.
    if (records > 0) await this.knowledge.refreshCorrections();
    return records;
  }

  private async conversationsOf(lookup: CustomerLookup): Promise<Conversation[]> {
    const found = lookup.conversationId
      ? [await this.store.conversations.get(lookup.conversationId)].filter((c) => c !== null)
      : await this.store.customerData.findConversations({
          email: lookup.email,
          externalId: lookup.externalId,
        });
    if (found.length === 0) throw new DomainError("not_found", "nothing is stored about this customer");
    return found;
  }
}

function lookupKind(lookup: CustomerLookup): "email" | "externalId" | "conversationId" {
  if (lookup.email !== undefined) return "email";
  return lookup.externalId !== undefined ? "externalId" : "conversationId";
}

const NOTHING_ERASED: CustomerErasure = {
  conversations: 0,
  messages: 0,
  reviews: 0,
  corrections: 0,
  checkpoints: 0,
  auditRedacted: 0,
  citationsRemoved: 0,
};

function addCounts(a: CustomerErasure, b: CustomerErasure): CustomerErasure {
  return {
    conversations: a.conversations + b.conversations,
    messages: a.messages + b.messages,
    reviews: a.reviews + b.reviews,
    corrections: a.corrections + b.corrections,
    checkpoints: a.checkpoints + b.checkpoints,
    auditRedacted: a.auditRedacted + b.auditRedacted,
    citationsRemoved: a.citationsRemoved + b.citationsRemoved,
  };
}
