import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RedisClient } from "./redis-adapter";

/** Why a budget said no: how long until its window starts again. */
export interface Refusal {
  retryAfterMs: number;
}

/**
 * A budget per key (a socket, an address) over fixed one-minute windows that counts only what it
 * accepts: a refused attempt is handed back at once, so a sender hammering at a full budget costs
 * nobody else anything. With Redis the count is shared by every instance (and if Redis is
 * unreachable each instance counts on its own rather than refusing everyone). 0 per minute = no limit.
 */
export class PerMinuteBudget {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(opts: { name: string; perMinute: number; redis?: RedisClient }) {
    const { name, perMinute, redis } = opts;
    const local =
      perMinute > 0 ? new RateLimiterMemory({ keyPrefix: name, points: perMinute, duration: 60 }) : null;
    this.limiter =
      redis && local
        ? new RateLimiterRedis({
            storeClient: redis,
            useRedisPackage: true,
            keyPrefix: `handoff-desk:${name}`,
            points: perMinute,
            duration: 60,
            insuranceLimiter: local,
          })
        : local;
  }

  /** Counts one use of `key`'s budget, or says why not (and counts nothing). */
  async take(key: string): Promise<Refusal | null> {
    if (!this.limiter) return null;
    try {
      await this.limiter.consume(key);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      await this.limiter.reward(key, 1);
      return { retryAfterMs: error.msBeforeNext };
    }
  }

  /** Hands back one use taken for something that was refused later after all. */
  async giveBack(key: string): Promise<void> {
    await this.limiter?.reward(key, 1);
  }
}

/** Whole seconds to tell a refused sender to wait (at least one). */
export function waitSeconds(refusal: Refusal): number {
  return Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
}
