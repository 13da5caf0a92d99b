import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RedisClient } from "./redis-adapter";
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
 * Counts customer messages per socket and per IP (fixed one-minute windows) and says when a sender
 * has used up either budget. A socket lives on one instance, so its count stays in memory; with Redis
 * (several instances) an address's count is shared by all of them, and if Redis is unreachable each
 * instance falls back to counting on its own rather than refusing everyone.
 */
export class MessageRateLimit {
  private readonly perSocket: RateLimiterAbstract | null;
  private readonly perIp: RateLimiterAbstract | null;

  constructor(budgets: MessageBudgets, redis?: RedisClient) {
    this.perSocket = limiter("socket", budgets.perSocket);
    const local = limiter("ip", budgets.perIp);
    this.perIp =
      redis && local
        ? new RateLimiterRedis({
            storeClient: redis,
            useRedisPackage: true,
            keyPrefix: "handoff-desk:ip",
            points: budgets.perIp,
            duration: 60,
            insuranceLimiter: local,
          })
        : local;
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
