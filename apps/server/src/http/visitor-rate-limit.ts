import type { NextFunction, Request, Response } from "express";
import { DomainError } from "@handoff/core";
import type { Logger } from "../app/logger";
import { PerMinuteBudget, waitSeconds } from "../realtime/per-minute-budget";
import type { RedisClient } from "../realtime/redis-adapter";

/**
 * Limits POST /api/visitor (each may start a conversation) per IP and minute, shared by every
 * instance through Redis like the message budget; a refused request counts for nothing and gets a
 * 429 that says how long to wait.
 */
export function visitorRateLimit(perMinute: number, logger: Logger, redis?: RedisClient) {
  const budget = new PerMinuteBudget({ name: "visitor-ip", perMinute, redis });
  return async (req: Request, res: Response, next: NextFunction) => {
    let refused;
    try {
      refused = await budget.take(req.ip ?? "unknown");
    } catch (err) {
      // A limiter fault must not take the widget down with it.
      logger.error({ err }, "visitor rate limit failed");
      return next();
    }
    if (!refused) return next();
    const seconds = waitSeconds(refused);
    res.setHeader("Retry-After", String(seconds));
    throw new DomainError("rate_limited", `too many new chats from your address; wait ${seconds} s`);
  };
}
