import type { z } from "zod";
import { validationError, type Result, type SocketRequest } from "@handoff/contracts";
import { toApiError } from "../app/to-api-error";
import type { Logger } from "../app/logger";

/**
 * Wraps a socket event handler for one entry of a contracts socket table: the payload is parsed by the
 * entry's input schema first (bad input gets an error ack and changes nothing), the handler must
 * return the entry's ack data, and the outcome always comes back through the ack as a Result.
 */
export function validatedHandler<I extends z.ZodType, R extends z.ZodType>(
  logger: Logger,
  { input: schema }: SocketRequest & { input: I; result: R },
  run: (input: z.output<I>) => Promise<z.output<R>>,
) {
  return (payload: unknown, ack?: (result: Result<z.output<R>>) => void): void => {
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
