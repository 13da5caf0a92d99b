import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { ApiError, Result } from "@handoff/contracts";

/** Budgets per minute; 0 turns a budget off. */
export interface MessageBudgets {
  perSocket: number;
  perIp: number;
}

/** Who is sending: one socket, from one address. */
export interface Sender {
  socketId: string;
  ip: string;
}

/**
 * Counts customer messages per socket and per IP (fixed one-minute windows, in this process's
 * memory) and says when a sender has used up either budget.
 */
export class MessageRateLimit {
  private readonly perSocket: RateLimiterMemory | null;
  private readonly perIp: RateLimiterMemory | null;

  constructor(budgets: MessageBudgets) {
    this.perSocket = limiter("socket", budgets.perSocket);
    this.perIp = limiter("ip", budgets.perIp);
  }

  /** Null when the message may go through, otherwise the error to answer with. */
  async check(sender: Sender): Promise<ApiError | null> {
    try {
      // The IP budget is charged first, so a sender that cycles sockets still runs into it.
      await this.perIp?.consume(sender.ip);
      await this.perSocket?.consume(sender.socketId);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return {
        code: "rate_limited",
        message: `too many messages; wait ${seconds} s before sending again`,
      };
    }
  }
}

function limiter(keyPrefix: string, perMinute: number): RateLimiterMemory | null {
  return perMinute > 0 ? new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 }) : null;
}

/**
 * Socket.IO packet middleware: events named in `events` count against the budgets; one over budget
 * is answered through its ack with a rate_limited error and never reaches its handler.
 */
export function limitEvents(
  limit: MessageRateLimit,
  sender: Sender,
  events: ReadonlySet<string>,
  onError: (error: unknown) => void,
) {
  return (packet: unknown[], next: (err?: Error) => void): void => {
    const [event] = packet;
    if (typeof event !== "string" || !events.has(event)) return next();
    limit.check(sender).then(
      (refused) => {
        if (!refused) return next();
        const ack = packet.at(-1);
        const result: Result<never> = { ok: false, error: refused };
        if (typeof ack === "function") ack(result);
      },
      (error: unknown) => {
        onError(error);
        next();
      },
    );
  };
}
