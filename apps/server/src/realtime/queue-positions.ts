import { reviewIn, type PlatformEvent, type Review } from "@handoff/contracts";
import type { Store } from "@handoff/core";
import type { WidgetNamespace } from "./namespaces";
import { conversationRoom } from "./rooms";

/**
 * Tells every waiting customer their place in the human queue whenever the queue changes (a handoff
 * opens, is claimed or closes). Oldest handoff first, as agents see it.
 */
export class QueuePositions {
  constructor(
    private readonly store: Store,
    private readonly widget: WidgetNamespace,
    private readonly onError: (err: unknown) => void,
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
    return waiting[index] ?? null;
  }

  private broadcast(): void {
    this.waiting().then(
      (waiting) => waiting.forEach((r, i) => this.emit(r.conversationId, i + 1)),
      this.onError,
    );
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
