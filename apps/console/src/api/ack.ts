import { z } from "zod";
import { ApiError } from "@handoff/contracts";

/** A refused or failed request, with the server's error code and message. */
export class AckError extends Error {
  readonly code: ApiError["code"];
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
  }
}

const Envelope = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);

const unreadable = () =>
  new AckError({ code: "internal", message: "the server sent an answer this console cannot read" });

/**
 * Validates an ack (the Result envelope, then its data against the contracts schema) and unwraps it:
 * data on success, an AckError with the server's words otherwise.
 */
export function unwrap<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw unreadable();
  if (!envelope.data.ok) throw new AckError(envelope.data.error);
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) throw unreadable();
  return data.data;
}
