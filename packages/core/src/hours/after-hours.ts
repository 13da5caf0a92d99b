import type { HoursStatus, Review } from "@handoff/contracts";
import { postNotice } from "../conversation/post-message";
import type { Clock, Notifier, Store } from "../ports";
import type { TeamsService } from "../teams/teams-service";

/** What business hours need to act on a pause. */
export interface AfterHoursDeps {
  store: Store;
  notifier: Notifier;
  clock: Clock;
  teams: TeamsService;
  /** Applies the timeout policy to every pause now due (ConversationService.applyDueDeadlines). */
  applyDueDeadlines(): Promise<unknown>;
}

/**
 * What a team's business hours mean for a pause that just opened, judged by the team of its category:
 * - an approval never waits past closing: its deadline comes forward to the closing time, or to now
 *   when the team is closed, so the timeout policy the supervisor chose (escalate, reject, auto-send
 *   for soft gates) applies then instead of the draft waiting all night;
 * - a handoff out of hours tells the customer, in the conversation, when the team is back (the widget
 *   offers to leave an email at once; see AgentAvailability in the server).
 */
export class AfterHours {
  constructor(private readonly deps: AfterHoursDeps) {}

  /** Call when a pause was created; returns whether its team answers now. */
  async pauseOpened(review: Review): Promise<HoursStatus> {
    const { status } = await this.deps.teams.hoursFor(review.packet.category);
    if (review.status !== "pending") return status;
    if (review.kind === "approval") await this.capApproval(review, status);
    else if (!status.open) await this.tellClosed(review, status);
    return status;
  }

  private async capApproval(review: Review, status: HoursStatus): Promise<void> {
    const cutoff = status.open ? status.closesAt : this.deps.clock.now().toISOString();
    if (!cutoff || Date.parse(cutoff) >= Date.parse(review.deadline)) return;
    const moved = await this.deps.store.reviews.bringDeadlineForward(review.id, cutoff);
    if (moved && !status.open) await this.deps.applyDueDeadlines();
  }

  private async tellClosed(review: Review, status: HoursStatus): Promise<void> {
    await postNotice(this.deps, review.conversationId, `${review.id}:closed`, {
      kind: "team.away",
      opensAt: status.opensAt,
      timeZone: status.timeZone,
    });
  }
}
