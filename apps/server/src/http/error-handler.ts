import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../app/logger";
import { statusOf, toApiError } from "../app/to-api-error";

/** Every error leaves as a JSON ApiError with a matching status. */
export function errorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const apiError = isBodyParserError(error)
      ? { code: "bad_request" as const, message: error.message }
      : toApiError(error, logger);
    res
      .status(isBodyParserError(error) ? (error.status ?? 400) : statusOf(apiError))
      .json({ error: apiError });
  };
}

function isBodyParserError(error: unknown): error is { status?: number; message: string; type: string } {
  return (
    typeof error === "object" && error !== null && "type" in error && "message" in error && "status" in error
  );
}
