import { io } from "socket.io-client";
import type { ConsoleSocket } from "@handoff/server/testing";
import type { LoadStats } from "./load-stats";
import { benchSocketOptions, connected } from "./open-socket";
import { AckResult, ReviewHead } from "./payloads";
import type { WidgetClient } from "./widget-client";

const ACK_TIMEOUT_MS = 10_000;

/** Opens a console socket with a signed-in agent's token. */
export function connectConsole(serverUrl: string, token: string): Promise<ConsoleSocket> {
  return connected<ConsoleSocket>(io(`${serverUrl}/console`, benchSocketOptions(token)));
}

// FNV-1a: a stable, even spread of reviews over consoles without any coordination between them.
function owner(reviewId: string, consoles: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < reviewId.length; i++) hash = Math.imul(hash ^ reviewId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % consoles;
}

/**
 * A simulated agent. Every console sees every review (the queue room); each acts only on the reviews
 * hashed to it, as a team splitting the inbox would, so no decision races another. Approvals are
 * approved at once; handoffs are claimed, opened, answered and handed back to the bot.
 */
export class AgentConsole {
  private closing = false;

  constructor(
    private readonly socket: ConsoleSocket,
    private readonly index: number,
    private readonly consoles: number,
    private readonly widgets: ReadonlyMap<string, WidgetClient>,
    private readonly stats: LoadStats,
  ) {
    socket.on("review:created", (raw) => this.onReview(raw));
    socket.on("disconnect", (reason) => {
      if (!this.closing) stats.error("console_disconnected", reason);
    });
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }

  private onReview(raw: unknown): void {
    const parsed = ReviewHead.safeParse(raw);
    if (!parsed.success) return this.stats.error("bad_payload", "review:created");
    const review = parsed.data;
    if (owner(review.id, this.consoles) !== this.index) return;
    const now = performance.now();
    const widget = this.widgets.get(review.conversationId);
    const question = widget?.current;
    if (widget && question) {
      widget.routed(question, review.kind);
      if (question.measured) {
        const visible = review.kind === "approval" ? this.stats.reviewVisible : this.stats.handoffVisible;
        visible.record(now - question.sentAt);
      }
    }
    const work =
      review.kind === "approval"
        ? this.approve(review.id, () => {
            if (question) question.approvedAt = performance.now();
          })
        : this.takeOver(review.id, review.conversationId, () => {
            if (question) question.agentReplyAt = performance.now();
          });
    work.then(
      () => {
        if (widget && question && review.kind === "handoff") widget.released(question);
      },
      (err: unknown) =>
        this.stats.error("agent_action_failed", err instanceof Error ? err.message : String(err)),
    );
  }

  private async approve(reviewId: string, beforeSend: () => void): Promise<void> {
    beforeSend();
    await ok(
      "review:decide",
      this.acked().emitWithAck("review:decide", { reviewId, decision: { type: "approve" } }),
    );
  }

  private async takeOver(reviewId: string, conversationId: string, beforeReply: () => void): Promise<void> {
    await ok("handoff:claim", this.acked().emitWithAck("handoff:claim", { reviewId }));
    await ok("conversation:open", this.acked().emitWithAck("conversation:open", { conversationId }));
    beforeReply();
    const text = "Hi, this is Alex from the team. I can help with that: what is your order number?";
    await ok(
      "message:send",
      this.acked().emitWithAck("message:send", { conversationId, clientId: `reply:${reviewId}`, text }),
    );
    await ok(
      "handoff:release",
      this.acked().emitWithAck("handoff:release", { conversationId, outcome: "handed_back" }),
    );
    await ok("conversation:close", this.acked().emitWithAck("conversation:close", { conversationId }));
  }

  private acked() {
    return this.socket.timeout(ACK_TIMEOUT_MS);
  }
}

/** Waits for an ack and validates it; an error ack or a timeout throws, naming the event. */
async function ok(event: string, pending: Promise<unknown>): Promise<void> {
  const ack = AckResult.parse(await pending);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
}
