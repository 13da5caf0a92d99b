import type { NextFunction, Request, Response } from "express";
import type { Actor, Role, User } from "@handoff/contracts";
import { DomainError } from "@handoff/core";
import { apiKeyGrantOf } from "../api-keys/api-key-gate";
import type { AuthService } from "../auth/auth-service";

/** The bearer token of a request, if any. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
}

/** Requires a signed-in user with one of the roles; puts the user on res.locals.user. */
export function requireUser(auth: AuthService, roles: readonly Role[] = ["agent", "supervisor"]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // A request the API key gate let through acts as the key's creator (apiKeyGrantOf).
    const user = apiKeyGrantOf(req)?.user ?? (await auth.authenticate(bearerToken(req)));
    if (!user) throw new DomainError("unauthorized", "sign in first");
    if (!roles.includes(user.role))
      throw new DomainError("forbidden", `this needs the ${roles.join(" or ")} role`);
    res.locals.user = user;
    next();
  };
}

/** The user put there by requireUser. */
export function currentUser(res: Response): User {
  const user: unknown = res.locals.user;
  if (!isUser(user)) throw new DomainError("unauthorized", "sign in first");
  return user;
}

/** The signed-in user as the actor of an audited change. */
export function currentActor(res: Response): Actor {
  const user = currentUser(res);
  // Audit says which key acted, so a supervisor can tell their own changes from an integration's.
  const key = apiKeyGrantOf(res)?.key;
  return { type: "user", id: user.id, name: key ? `${user.name} (API key ${key.name})` : user.name };
}

function isUser(value: unknown): value is User {
  return typeof value === "object" && value !== null && "id" in value && "role" in value;
}
