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

async function request<S extends z.ZodType>(
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
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(json);
    if (parsed.success) throw new HttpError(res.status, parsed.data.error.code, parsed.data.error.message);
    throw new HttpError(res.status, "internal", `the server answered ${res.status}`);
  }
  return schema.parse(json);
}

/** POST /api/auth/login */
export const signIn = (email: string, password: string) =>
  request(LoginResponse, "POST", "/api/auth/login", { body: { email, password } });

/** POST /api/auth/logout */
export const signOut = (token: string) => request(z.unknown(), "POST", "/api/auth/logout", { token });

/** GET /api/auth/me: who the stored token belongs to. */
export const currentUser = (token: string) =>
  request(z.object({ user: User }), "GET", "/api/auth/me", { token }).then((r) => r.user);
