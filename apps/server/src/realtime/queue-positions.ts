import { reviewIn, type PlatformEvent, type Review } from "@handoff/contracts";
import type { Store } from "@handoff/core";
import type { WidgetNamespace } from "./namespaces";
import { conversationRoom } from "./rooms";

/**
 * Tells every waiting customer their place in the human queue whenever the queue changes (a handoff
 * opens, is claimed or closes). Oldest handoff first, as agents see it.
 *
 * The queue is read once for all the handoff events of one event-loop turn (at 100 messages a second
 * several arrive together, and each read lists every pending review). A single instance also tells a
 * customer only a place that changed: it is the only one telling them, so what it told last is what
 * they have. With several instances another may have told them since, so each read tells everyone.
 */
export class QueuePositions {
  /** The place each waiting conversation was last told by this instance (single instance only). */
  private told = new Map<string, number>();
  private readScheduled = false;
  /** Reads are numbered so a slower, older read cannot overwrite a newer one's places. */
  private reads = 0;
  private applied = 0;

  constructor(
    private readonly store: Store,
    private readonly widget: WidgetNamespace,
    private readonly onError: (err: unknown) => void,
    private readonly opts: { onlyChanges: boolean } = { onlyChanges: false },
  ) {}

  /** A platform event listener: any change to a handoff moves the queue. */
  readonly listener = (event: PlatformEvent): void => {
    if (reviewIn(event)?.kind === "handoff") this.broadcast();
  };

  /** Sends one conversation its position (on connect), if it is waiting; returns its handoff then. */
  async sendTo(conversationId: string): Promise<Review | null> {
    const waiting = await this.waiting();
    const index = waiting.findIndex((r) => r.conversationId === conversationId);
    if (index < 0) return null;
    this.emit(conversationId, index + 1);
    if (this.opts.onlyChanges) this.told.set(conversationId, index + 1);
    return waiting[index] ?? null;
  }

  private broadcast(): void {
    if (this.readScheduled) return;
    this.readScheduled = true;
    setImmediate(() => {
      this.readScheduled = false;
      const read = ++this.reads;
      this.waiting().then((waiting) => this.tell(read, waiting), this.onError);
    });
  }

  private tell(read: number, waiting: Review[]): void {
    if (read < this.applied) return;
    this.applied = read;
    const places = new Map(waiting.map((r, i) => [r.conversationId, i + 1]));
    for (const [conversationId, position] of places) {
      if (!this.opts.onlyChanges || this.told.get(conversationId) !== position) {
        this.emit(conversationId, position);
      }
    }
    if (this.opts.onlyChanges) this.told = places;
  }

  private async waiting(): Promise<Review[]> {
    const pending = await this.store.reviews.listByStatus(["pending"], 1000);
    return pending.filter((r) => r.kind === "handoff");
  }

  private emit(conversationId: string, position: number): void {
    this.widget
      .to(conversationRoom(conversationId))
      .emit("queue:position", { conversationId, position, estimatedWaitSeconds: null });
  }
}
