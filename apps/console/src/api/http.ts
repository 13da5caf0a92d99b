import { z } from "zod";
import { ApiError, LoginResponse, User } from "@handoff/contracts";

/** A failed REST call, carrying the server's error code and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ErrorBody = z.object({ error: ApiError });

/** The HttpError for a refused response, in the server's words when it sent an ApiError. */
export function refusal(status: number, text: string): HttpError {
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the generic message.
  }
  const parsed = ErrorBody.safeParse(json);
  if (!parsed.success) return new HttpError(status, "internal", `the server answered ${status}`);
  const { code, message, issues } = parsed.data.error;
  // Validation issues name the field, which the bare message ("invalid input") does not.
  const details = issues?.length
    ? ` (${issues.map((i) => `${i.path || "input"}: ${i.message}`).join("; ")})`
    : "";
  return new HttpError(status, code, `${message}${details}`);
}

/** A JSON request, its answer checked by `schema`; a refusal becomes an HttpError with the server's words. */
export async function request<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string | null } = {},
): Promise<z.output<S>> {
  const res = await fetch(path, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { "content-type": "application/json" }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  if (!res.ok) throw refusal(res.status, text);
  return schema.parse(text ? JSON.parse(text) : null);
}

/** POST /api/auth/login */
export const signIn = (email: string, password: string) =>
  request(LoginResponse, "POST", "/api/auth/login", { body: { email, password } });

/** POST /api/auth/logout */
export const signOut = (token: string) => request(z.unknown(), "POST", "/api/auth/logout", { token });

/** GET /api/auth/me: who the stored token belongs to. */
export const currentUser = (token: string) =>
  request(z.object({ user: User }), "GET", "/api/auth/me", { token }).then((r) => r.user);
