import { ZodError } from "zod";
import { validationError, type ApiError } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import type { Logger } from "./logger";

/** Maps anything thrown by a handler to the ApiError a client sees; unexpected errors are logged, not leaked. */
export function toApiError(error: unknown, logger: Logger): ApiError {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return validationError(error);
  logger.error({ err: error }, "unexpected error in a handler");
  return { code: "internal", message: "something went wrong on our side; nothing was changed" };
}

/** HTTP status for an error code. */
export function statusOf(error: ApiError): number {
  const statuses: Record<ApiError["code"], number> = {
    bad_request: 400,
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    illegal_transition: 409,
    rate_limited: 429,
    internal: 500,
  };
  return statuses[error.code];
}
