import type { ErrorCode } from "@handoff/contracts";

/** A refusal the caller can act on (bad transition, not found, lost race); mapped to an ApiError at the edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
