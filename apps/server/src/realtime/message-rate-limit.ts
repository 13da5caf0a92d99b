import type { ApiError, Result } from "@handoff/contracts";
import { PerMinuteBudget, waitSeconds, type Refusal } from "./per-minute-budget";
import type { RedisClient } from "./redis-adapter";

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
 * Counts customer messages per socket and per IP (fixed one-minute windows) and says when a sender
 * has used up either budget. A socket lives on one instance, so its count stays in memory; with Redis
 * (several instances) an address's count is shared by all of them, and if Redis is unreachable each
 * instance falls back to counting on its own rather than refusing everyone.
 */
export class MessageRateLimit {
  private readonly perSocket: PerMinuteBudget;
  private readonly perIp: PerMinuteBudget;

  constructor(budgets: MessageBudgets, redis?: RedisClient) {
    this.perSocket = new PerMinuteBudget({ name: "socket", perMinute: budgets.perSocket });
    this.perIp = new PerMinuteBudget({ name: "ip", perMinute: budgets.perIp, redis });
  }

  /**
   * Null when the message may go through, otherwise the error to answer with. Only accepted messages
   * are counted: the socket's own budget is checked first, so a socket over it spends nothing of its
   * address's budget (one abusive socket behind an office or carrier NAT does not lock out everyone
   * else there), and a message the address budget refuses is given back to the socket's.
   */
  async check(sender: Sender): Promise<ApiError | null> {
    const bySocket = await this.perSocket.take(sender.socketId);
    if (bySocket) return refusal(bySocket);
    // A sender that cycles sockets still runs into the address budget here.
    const byIp = await this.perIp.take(sender.ip);
    if (!byIp) return null;
    await this.perSocket.giveBack(sender.socketId);
    return refusal(byIp);
  }
}

function refusal(refused: Refusal): ApiError {
  return {
    code: "rate_limited",
    message: `too many messages; wait ${waitSeconds(refused)} s before sending again`,
  };
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
