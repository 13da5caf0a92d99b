import type { Review } from "@handoff/contracts";
import type { ConsoleNamespace } from "./namespaces";
import { QUEUE_ROOM } from "./rooms";

/**
 * Tells a customer at once when they ask for a person and no agent has the console open, so they can
 * leave an email instead of waiting for the deadline. Counts sockets across every instance.
 */
export class AgentAvailability {
  constructor(
    private readonly consoleNs: ConsoleNamespace,
    private readonly tell: (conversationId: string) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Checks a newly waiting customer (a handoff just opened, or a waiting customer reconnected). */
  check(review: Pick<Review, "kind" | "status" | "conversationId">): void {
    if (review.kind !== "handoff" || review.status !== "pending") return;
    this.agentsOnline().then((online) => {
      if (online === 0) this.tell(review.conversationId);
    }, this.onError);
  }

  private async agentsOnline(): Promise<number> {
    return (await this.consoleNs.in(QUEUE_ROOM).fetchSockets()).length;
  }
}
