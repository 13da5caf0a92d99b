/** How many received-and-not-yet-settled message ids are remembered; older ones get the full check. */
const KEPT = 10_000;

/**
 * Customer messages this process stored and has not yet settled. Such a message has no run anywhere:
 * its run starts only when a settle loop here takes it from this set, and a crash empties the set, so
 * recovery looks for an earlier run as before. The loop then skips that look (a checkpoint read and a
 * read of the messages after it, two of the main thread's store reads per message). Only for a single
 * instance: another instance's loop could run a message this one stored.
 */
export class FreshMessages {
  private readonly ids = new Set<string>();

  /** Notes a message this process just stored (not a duplicate). */
  add(messageId: string): void {
    this.ids.add(messageId);
    if (this.ids.size <= KEPT) return;
    const oldest = this.ids.values().next();
    if (!oldest.done) this.ids.delete(oldest.value);
  }

  /** Whether the message was stored here and not settled yet; forgets it either way. */
  take(messageId: string): boolean {
    return this.ids.delete(messageId);
  }
}
