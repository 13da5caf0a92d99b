import type { z } from "zod";
import { validationError, type Result } from "@handoff/contracts";
import { toApiError } from "../app/to-api-error";
import type { Logger } from "../app/logger";

/**
 * Wraps a socket event handler: the payload is parsed by its contracts schema first (bad input gets an
 * error ack and changes nothing), and the outcome always comes back through the ack as a Result.
 */
export function validatedHandler<S extends z.ZodType, R>(
  logger: Logger,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
) {
  return (payload: unknown, ack?: (result: Result<R>) => void): void => {
    // A client may emit without an ack; the work still happens, there is just nobody to answer.
    const reply = typeof ack === "function" ? ack : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, error: validationError(parsed.error) });
      return;
    }
    run(parsed.data).then(
      (data) => reply({ ok: true, data }),
      (error: unknown) => reply({ ok: false, error: toApiError(error, logger) }),
    );
  };
}
