import { z } from "zod";

/** Error codes every REST response and socket ack can carry. */
export const ErrorCode = z.enum([
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "illegal_transition",
  "rate_limited",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A clear error: a code for programs, a message for people, and zod issues when input was invalid. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** The result every ack returns: data on success, an ApiError otherwise. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Builds the zod schema of a Result<T> for clients that validate acks. */
export const resultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);

/** Converts a zod error into the ApiError shape. */
export function validationError(error: z.ZodError, message = "invalid input"): ApiError {
  return {
    code: "bad_request",
    message,
    issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  };
}
