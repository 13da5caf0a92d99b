import type { Actor } from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Notifier, Store } from "../ports";
import { postNotice } from "./post-message";
import { conversationChanged } from "../ports";

const CUSTOMER: Actor = { type: "customer", id: null, name: null };

/** What a customer tells us about the service: thumbs on answers, a rating at the end, an email to reply to. */
export class CustomerFeedback {
  constructor(private readonly deps: { store: Store; notifier: Notifier }) {}

  /** Thumbs up/down on one of the bot's answers in the customer's own conversation. */
  async rateMessage(conversationId: string, messageId: string, rating: "up" | "down"): Promise<null> {
    const messages = await this.deps.store.messages.listSince(conversationId, 0);
    const message = messages.find((m) => m.id === messageId);
    if (!message || message.author !== "bot")
      throw new DomainError("not_found", "no such answer in this conversation");
    const conversation = await this.deps.store.conversations.get(conversationId);
    await this.deps.store.audit.append({
      actor: CUSTOMER,
      action: "message.rated",
      conversationId,
      details: {
        messageId,
        rating,
        text: message.text,
        sources: message.sources.map((s) => s.id),
        category: conversation?.category ?? null,
      },
    });
    this.deps.notifier.publish({ type: "message.rated", data: { conversationId, messageId, rating } });
    return null;
  }

  /** Satisfaction (1-5) once the conversation is resolved. */
  async rateConversation(conversationId: string, score: number, comment: string | undefined): Promise<null> {
    const conversation = await this.deps.store.conversations.get(conversationId);
    if (!conversation) throw new DomainError("not_found", "conversation not found");
    if (conversation.status !== "resolved") {
      throw new DomainError("illegal_transition", "a conversation can be rated once it is resolved");
    }
    await this.deps.store.audit.append({
      actor: CUSTOMER,
      action: "conversation.rated",
      conversationId,
      details: { score, comment: comment ?? null, category: conversation.category },
    });
    return null;
  }

  /** The customer leaves an email when nobody could answer in time; agents see it as an internal note. */
  async leaveContact(conversationId: string, email: string, note: string | undefined): Promise<null> {
    const conversation = await this.deps.store.conversations.get(conversationId);
    if (!conversation) throw new DomainError("not_found", "conversation not found");
    const updated = await this.deps.store.conversations.updateCustomer(conversationId, {
      ...conversation.customer,
      email,
    });
    if (updated) this.deps.notifier.publish(conversationChanged(updated));
    await postNotice(
      this.deps,
      conversationId,
      `contact:${email}:${note ?? ""}`.slice(0, 100),
      { kind: "contact.left", email, note: note ?? null },
      { internal: true },
    );
    this.deps.notifier.publish({ type: "contact.left", data: { conversationId, email } });
    await this.deps.store.audit.append({
      actor: CUSTOMER,
      action: "contact.left",
      conversationId,
      details: { email },
    });
    return null;
  }
}
