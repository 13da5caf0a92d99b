import { CustomerLanguage, type PlatformEvent } from "@handoff/contracts";
import type { Store } from "../ports";

/**
 * The customer's language an event tells: an opened approval or handoff carries the language the graph
 * read in the customer's message (null when it was too short to tell, which says nothing new).
 */
export function languageFromEvent(event: PlatformEvent): { conversationId: string; language: string } | null {
  if (event.type !== "review.opened") return null;
  const { conversationId, language } = event.data.review.packet;
  const parsed = CustomerLanguage.safeParse(language);
  return parsed.success ? { conversationId, language: parsed.data } : null;
}

/**
 * Keeps each conversation's language as the graph last read it, for the channels that render notices
 * outside the widget. The write is chained per conversation, so whoever queues a reply can wait for it
 * (`settled`) and the handoff notice that follows an opened handoff is rendered in the language just read.
 */
export class CustomerLanguageTracker {
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown, conversationId: string) => void,
  ) {}

  observe(event: PlatformEvent): void {
    const found = languageFromEvent(event);
    if (!found) return;
    const { conversationId, language } = found;
    const write = this.settled(conversationId)
      .then(() => this.store.conversations.setLanguage(conversationId, language))
      .then(
        () => undefined,
        (err: unknown) => this.onError(err, conversationId),
      );
    this.writes.set(conversationId, write);
    // Forget a finished write unless a newer one took its place, so the map holds only pending ones.
    void write.then(() => {
      if (this.writes.get(conversationId) === write) this.writes.delete(conversationId);
    });
  }

  /** Resolves once every language write seen so far for the conversation is done (never rejects). */
  settled(conversationId: string): Promise<void> {
    return this.writes.get(conversationId) ?? Promise.resolve();
  }
}
