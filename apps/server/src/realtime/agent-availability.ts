import type { HandoffUnavailable, HoursStatus, Review } from "@handoff/contracts";
import type { ConsoleNamespace } from "./namespaces";
import { QUEUE_ROOM } from "./rooms";

/**
 * Tells a customer at once when they ask for a person and nobody can answer: the team of the
 * conversation's category is closed (with when it is back), or no agent has the console open. Their
 * widget then offers to leave an email instead of waiting for the deadline. Counts sockets across
 * every instance.
 */
export class AgentAvailability {
  constructor(
    private readonly consoleNs: ConsoleNamespace,
    private readonly tell: (event: HandoffUnavailable) => void,
    private readonly onError: (err: unknown) => void,
    /** Whether the team that handles a category answers now. */
    private readonly hours: (category: string | null) => Promise<HoursStatus>,
  ) {}

  /** Checks a newly waiting customer (a handoff just opened, or a waiting customer reconnected). */
  check(review: Pick<Review, "kind" | "status" | "conversationId" | "packet">): void {
    if (review.kind !== "handoff" || review.status !== "pending") return;
    const { conversationId } = review;
    this.whyNobody(review.packet.category).then((why) => {
      if (why) this.tell({ conversationId, ...why });
    }, this.onError);
  }

  private async whyNobody(
    category: string | null,
  ): Promise<Omit<HandoffUnavailable, "conversationId"> | null> {
    const status = await this.hours(category);
    if (!status.open) return { reason: "closed", opensAt: status.opensAt };
    return (await this.agentsOnline()) === 0 ? { reason: "no_agents" } : null;
  }

  private async agentsOnline(): Promise<number> {
    return (await this.consoleNs.in(QUEUE_ROOM).fetchSockets()).length;
  }
}
