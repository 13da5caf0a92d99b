import { io } from "socket.io-client";
import type { ConversationStatus, VisitorSession } from "@handoff/contracts";
import type { WidgetSocket } from "@handoff/server/testing";
import type { LoadStats } from "./load-stats";
import { benchSocketOptions, connected } from "./open-socket";
import { AckResult, ConversationHead, MessageHead } from "./payloads";
import type { Question } from "./question";
import type { Route } from "@handoff/contracts";
import { questionFor } from "./question-mix";

/** A question with no outcome after this long is an error (the bench's agents act within milliseconds). */
const QUESTION_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 10_000;

/** Opens a widget socket with a visitor session, as the widget iframe does. */
export function connectWidget(serverUrl: string, session: VisitorSession): Promise<WidgetSocket> {
  return connected<WidgetSocket>(io(`${serverUrl}/widget`, benchSocketOptions(session.token)));
}

/**
 * A simulated customer: on each tick asks the next question of the mix, unless the previous one is
 * still being handled, and times what comes back.
 */
export class WidgetClient {
  current: Question | null = null;
  private status: ConversationStatus = "bot";
  private asked = 0;
  private timeout: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly socket: WidgetSocket,
    private readonly index: number,
    private readonly stats: LoadStats,
  ) {
    socket.on("message:new", (raw) => this.onMessage(raw));
    socket.on("conversation:updated", (raw) => this.onConversation(raw));
    socket.on("disconnect", (reason) => {
      if (!this.closing) stats.error("widget_disconnected", reason);
    });
  }

  /** Sends the next question, or counts a skipped tick when the last one is still being handled. */
  tick(): void {
    if (this.current || this.status !== "bot") {
      this.stats.skippedTicks++;
      return;
    }
    const { text, expected } = questionFor(this.index, this.asked++);
    const question: Question = {
      text,
      expected,
      sentAt: performance.now(),
      measured: this.stats.measuring,
      observed: null,
      approvedAt: null,
      agentReplyAt: null,
      released: false,
    };
    this.current = question;
    if (question.measured) this.stats.sentMeasured++;
    this.timeout = setTimeout(
      () => this.fail(question, `timeout_${question.observed ?? "unrouted"}`),
      QUESTION_TIMEOUT_MS,
    );
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("message:send", { clientId: `q${this.asked}`, text })
      .then(
        (raw) => {
          const ack = AckResult.parse(raw);
          if (!ack.ok) return this.fail(question, "message_rejected", ack.error.message);
          if (question.measured) this.stats.messageAck.record(performance.now() - question.sentAt);
        },
        (err: unknown) => this.fail(question, "message_ack_timeout", String(err)),
      );
  }

  /** A console saw the review for this conversation's question. */
  routed(question: Question, route: Route): void {
    question.observed ??= route;
  }

  /** The agent handed the conversation back; it completes once the customer sees the bot again. */
  released(question: Question): void {
    question.released = true;
    if (this.status === "bot") this.complete(question);
  }

  close(): void {
    this.closing = true;
    if (this.current) this.fail(this.current, "unfinished_at_end");
    this.socket.close();
  }

  private onMessage(raw: unknown): void {
    const parsed = MessageHead.safeParse(raw);
    if (!parsed.success) return this.stats.error("bad_payload", "message:new");
    const question = this.current;
    if (!question) return;
    const now = performance.now();
    const { author } = parsed.data;
    if (author === "agent" && question.agentReplyAt !== null) {
      if (question.measured) this.stats.agentReplyToCustomer.record(now - question.agentReplyAt);
      return;
    }
    if (author !== "bot") return;
    if (question.approvedAt !== null) {
      if (question.measured) this.stats.approvalToCustomer.record(now - question.approvedAt);
      this.complete(question);
    } else if (question.observed === null) {
      question.observed = "auto";
      if (question.measured) this.stats.botReply.record(now - question.sentAt);
      this.complete(question);
    }
  }

  private onConversation(raw: unknown): void {
    const parsed = ConversationHead.safeParse(raw);
    if (!parsed.success) return this.stats.error("bad_payload", "conversation:updated");
    this.status = parsed.data.status;
    const question = this.current;
    if (!question) return;
    if (this.status === "awaiting_approval") question.observed ??= "approval";
    if (this.status === "waiting_human") question.observed ??= "handoff";
    if (this.status === "bot" && question.released) this.complete(question);
  }

  private complete(question: Question): void {
    if (this.current !== question) return;
    clearTimeout(this.timeout);
    this.current = null;
    if (question.measured) this.stats.completedMeasured++;
    this.stats.routes[question.expected][question.observed ?? "none"]++;
  }

  private fail(question: Question, kind: string, detail = ""): void {
    if (this.current !== question) return;
    this.stats.error(kind, `${detail} (${question.text})`.trim());
    clearTimeout(this.timeout);
    this.current = null;
    this.stats.routes[question.expected][question.observed ?? "none"]++;
  }
}
