import type { NextFunction, Request, Response } from "express";
import { DomainError, type Accepted } from "@handoff/core";
import { apiKeyGrantOf } from "../api-keys/api-key-gate";
import type { Logger } from "../app/logger";

/** Inbound channel traffic comes from integrations, never from a console session: an API key is required. */
export function apiKeyOnly(req: Request, _res: Response, next: NextFunction): void {
  if (!apiKeyGrantOf(req))
    throw new DomainError(
      "unauthorized",
      "this endpoint takes an API key (Bearer hk_...) with the messages:send scope",
    );
  next();
}

/** 202 for a new inbound message (the reply goes out on the channel), 200 for one already received. */
export function answerAccepted(logger: Logger, res: Response, { processed, ...accepted }: Accepted): void {
  processed.catch((err: unknown) =>
    logger.error({ err, conversationId: accepted.conversationId }, "the bot failed to process a message"),
  );
  res.status(accepted.duplicate ? 200 : 202).json(accepted);
}
