import { z } from "zod";
import { Id, Timestamp } from "./common";

/** What an API key may do; each scope opens a fixed set of REST routes (see the OpenAPI document). */
export const ApiKeyScope = z.enum([
  "conversations:read",
  "messages:send",
  "knowledge:import",
  "corrections:manage",
  "audit:read",
  "metrics:read",
]);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/** An API key as the console lists it: its secret is never stored, only a hash and a short prefix. */
export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  /** The first characters of the secret, so a supervisor can tell keys apart. */
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  /** The supervisor who created it; the key acts as them, within its scopes. */
  createdBy: Id,
  createdByName: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** POST /api/api-keys */
export const ApiKeyCreate = z.strictObject({
  name: z.string().trim().min(1, "name the key").max(80),
  scopes: z
    .array(ApiKeyScope)
    .min(1, "choose at least one scope")
    .max(ApiKeyScope.options.length)
    .transform((scopes) => [...new Set(scopes)]),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** The answer to POST /api/api-keys: the secret is shown this once. */
export const ApiKeyCreated = z.object({ key: ApiKey, secret: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** GET /api/api-keys: every key, revoked ones included, newest first. */
export const ApiKeyList = z.object({ keys: z.array(ApiKey) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** The start of every API key's secret, telling it apart from a console session token. */
export const API_KEY_PREFIX = "hk_";
