import { Router, type NextFunction, type Request, type Response } from "express";
import { API_KEY_PREFIX } from "@handoff/contracts";
import { ApiKeyService, DomainError, type ApiKeyGrant } from "@handoff/core";
import { SCOPED_ROUTES } from "./key-scopes";

// Keyed by the request and response objects themselves: typed, and gone with the request.
const grants = new WeakMap<Request | Response, ApiKeyGrant>();

/** The API key that authenticated this request (or the response to it) and was allowed on its route. */
export function apiKeyGrantOf(reqOrRes: Request | Response): ApiKeyGrant | undefined {
  return grants.get(reqOrRes);
}

function apiKeySecret(req: Request): string | undefined {
  const header = req.get("authorization");
  const token = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
  return token?.startsWith(API_KEY_PREFIX) ? token : undefined;
}

/**
 * Checks `Authorization: Bearer hk_...` before the routes run: an unknown or revoked key is 401, a
 * key without the route's scope (or on a route no scope opens) is 403. A request with a console
 * session token passes through untouched.
 */
export function apiKeyGate(keys: ApiKeyService): Router {
  const router = Router();
  const pending = new WeakMap<Request, ApiKeyGrant>();

  router.use("/api", async (req: Request, _res: Response, next: NextFunction) => {
    const secret = apiKeySecret(req);
    if (secret === undefined) return next("router");
    const grant = await keys.authenticate(secret);
    if (!grant) throw new DomainError("unauthorized", "this API key is unknown or has been revoked");
    pending.set(req, grant);
    next();
  });
  for (const route of SCOPED_ROUTES) {
    router[route.method](route.path, (req: Request, res: Response, next: NextFunction) => {
      const grant = pending.get(req);
      if (!grant) return next("router");
      if (!ApiKeyService.allows(grant.key, route.scope))
        throw new DomainError("forbidden", `this API key lacks the ${route.scope} scope`);
      grants.set(req, grant);
      grants.set(res, grant);
      next("router");
    });
  }
  router.use("/api", (req: Request, _res: Response, next: NextFunction) => {
    if (!pending.has(req)) return next("router");
    throw new DomainError("forbidden", "API keys cannot call this endpoint; sign in to the console");
  });
  return router;
}
