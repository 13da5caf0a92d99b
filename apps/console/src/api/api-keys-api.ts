import { z } from "zod";
import { ApiKey, ApiKeyCreated, ApiKeyList, type ApiKeyCreate } from "@handoff/contracts";
import type { RestClient } from "./rest-client";

/** GET /api/api-keys: every key, newest first (prefixes only). */
export const listApiKeys = (client: RestClient) =>
  client.get(ApiKeyList, "/api/api-keys").then((r) => r.keys);

/** A new key; its secret is in this answer only. */
export const createApiKey = (client: RestClient, input: ApiKeyCreate) =>
  client.post(ApiKeyCreated, "/api/api-keys", input);

/** Revokes a key: requests with it get 401 from now on. */
export const revokeApiKey = (client: RestClient, id: string) =>
  client
    .post(z.object({ key: ApiKey }), `/api/api-keys/${encodeURIComponent(id)}/revoke`, {})
    .then((r) => r.key);
