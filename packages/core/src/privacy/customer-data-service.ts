import type {
  Actor,
  Conversation,
  CustomerErasure,
  CustomerExport,
  CustomerLookup,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { KnowledgeService } from "../knowledge";
import { systemClock, type Clock, type Notifier, type Store } from "../ports";
import { redactAuditDetails } from "./redact-audit";

/** More than any one customer's history; the audit list needs a bound. */
const MAX_AUDIT_EVENTS = 100_000;

/**
 * Privacy requests about one customer: export everything stored about them, or erase it. Both are
 * audited by who asked and which conversations, never by the customer's email (an erasure would
 * otherwise leave it behind in the log).
 */
export class CustomerDataService {
  constructor(
    private readonly store: Store,
    private readonly knowledge: KnowledgeService,
    private readonly notifier: Pick<Notifier, "conversationErased">,
    /** Runs work on one conversation in turn with the bot and agents (ConversationService.exclusive). */
    private readonly exclusive: <T>(conversationId: string, task: () => Promise<T>) => Promise<T> = (
      _id,
      task,
    ) => task(),
    private readonly clock: Clock = systemClock,
  ) {}

  /** Conversations, messages (internal notes included), reviews, corrections and audit events. */
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
    };
    for (const id of ids) {
      result.messages.push(...(await this.store.messages.listSince(id, 0)));
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
   * Approved corrections leave the answer index at once.
   */
  async erase(lookup: CustomerLookup, actor: Actor): Promise<CustomerErasure> {
    const ids = (await this.conversationsOf(lookup)).map((c) => c.id);
    let erased: CustomerErasure = {
      conversations: 0,
      messages: 0,
      reviews: 0,
      corrections: 0,
      checkpoints: 0,
      auditRedacted: 0,
    };
    // One conversation at a time, each in its turn: a bot run that was under way cannot write into a
    // conversation after it is gone.
    for (const id of ids) {
      const counts = await this.exclusive(id, () => this.store.customerData.erase([id], redactAuditDetails));
      erased = addCounts(erased, counts);
      this.notifier.conversationErased(id);
    }
    if (erased.corrections > 0) await this.knowledge.refreshCorrections();
    await this.store.audit.append({
      actor,
      action: "customer.erased",
      conversationId: null,
      details: { by: lookupKind(lookup), conversationIds: ids, ...erased },
    });
    return erased;
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

function addCounts(a: CustomerErasure, b: CustomerErasure): CustomerErasure {
  return {
    conversations: a.conversations + b.conversations,
    messages: a.messages + b.messages,
    reviews: a.reviews + b.reviews,
    corrections: a.corrections + b.corrections,
    checkpoints: a.checkpoints + b.checkpoints,
    auditRedacted: a.auditRedacted + b.auditRedacted,
  };
}
