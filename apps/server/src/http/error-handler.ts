import type { NextFunction, Request, Response } from "express";
import type { ApiError } from "@handoff/contracts";
import type { Logger } from "../app/logger";
import { statusOf, toApiError } from "../app/to-api-error";

/** Every error leaves as a JSON ApiError with a matching status. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (isRequestError(error)) {
      res.status(error.status).json({ error: requestError(error, req) });
      return;
    }
    const apiError = toApiError(error, logger);
    res.status(statusOf(apiError)).json({ error: apiError });
  };
}

/** What the body parser refuses: malformed JSON, too large, or a body that fails to decompress. */
interface RequestError {
  status: number;
  message: string;
  type?: unknown;
}

// The body parser marks the errors that are the client's fault (http-errors: `expose` and a 4xx
// status); a gzip or deflate stream that does not decode is one, although zlib's error names no type.
function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof Error &&
    "expose" in error &&
    error.expose === true &&
    "status" in error &&
    typeof error.status === "number" &&
    error.status >= 400 &&
    error.status < 500
  );
}

function requestError(error: RequestError, req: Request): ApiError {
  const encoding = req.get("content-encoding");
  const message =
    error.type === undefined && encoding
      ? `the request body could not be decoded as ${encoding}: ${error.message}`
      : error.message;
  return { code: CODES[error.status] ?? "bad_request", message };
}

const CODES: Partial<Record<number, ApiError["code"]>> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  429: "rate_limited",
};
