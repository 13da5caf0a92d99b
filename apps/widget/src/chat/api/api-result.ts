import { z } from "zod";
import { resultSchema } from "@handoff/contracts";

const Envelope = resultSchema(z.unknown());

/** What every API call returns: data, or an error with a code for code and a message for people. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export const failure = (code: string, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Validates an ack (or response body) against its contract: a server that sends junk is an error too. */
export function readResult<S extends z.ZodType>(schema: S, raw: unknown): ApiResult<z.output<S>> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return unreadable();
  if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
  const data = schema.safeParse(envelope.data.data);
  return data.success ? { ok: true, data: data.data } : unreadable();
}

const unreadable = () => failure("bad_response", "the server sent an answer the widget cannot read");
