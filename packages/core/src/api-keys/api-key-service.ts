import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  API_KEY_PREFIX,
  type ApiKey,
  type ApiKeyCreate,
  type ApiKeyCreated,
  type ApiKeyScope,
  type Person,
  type User,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Clock, Store } from "../ports";

/** How many characters of a secret the console shows: enough to tell keys apart, too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** Last-use times are written at most this often per key, so a busy integration does not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;

/** The SHA-256 of a secret: keys are 32 random bytes, so a fast hash is enough (nothing to brute-force). */
export const hashApiKeySecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** A key that authenticated a request, and the account it acts for. */
export interface ApiKeyGrant {
  key: ApiKey;
  user: Person;
}

/**
 * Scoped API keys for other systems: supervisors create and revoke them (audited); a request with a
 * key acts as the supervisor who created it, within the key's scopes, while that account is active.
 */
export class ApiKeyService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  list(): Promise<ApiKey[]> {
    return this.deps.store.apiKeys.list();
  }

  async create(input: ApiKeyCreate, user: User): Promise<ApiKeyCreated> {
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
    const key = await this.deps.store.apiKeys.create(
      {
        id: randomUUID(),
        name: input.name,
        prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
        scopes: input.scopes,
        createdBy: user.id,
        createdByName: user.name,
        createdAt: this.deps.clock.now().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      },
      hashApiKeySecret(secret),
    );
    await this.audit("api_key.created", user, key);
    return { key, secret };
  }

  async revoke(id: string, user: User): Promise<ApiKey> {
    const current = await this.deps.store.apiKeys.get(id);
    if (!current) throw new DomainError("not_found", "API key not found");
    if (current.revokedAt !== null) return current;
    const revoked = await this.deps.store.apiKeys.revoke(id, this.deps.clock.now().toISOString());
    if (!revoked) throw new DomainError("not_found", "API key not found");
    await this.audit("api_key.revoked", user, revoked);
    return revoked;
  }

  /** The key a secret belongs to and its creator's account; null when unknown, revoked or the account is gone. */
  async authenticate(secret: string): Promise<ApiKeyGrant | null> {
    const key = await this.deps.store.apiKeys.findBySecretHash(hashApiKeySecret(secret));
    if (!key || key.revokedAt !== null) return null;
    const user = await this.deps.store.users.get(key.createdBy);
    if (user?.status !== "active") return null;
    const now = this.deps.clock.now();
    if (key.lastUsedAt === null || now.getTime() - Date.parse(key.lastUsedAt) >= TOUCH_INTERVAL_MS) {
      await this.deps.store.apiKeys.touch(key.id, now.toISOString());
    }
    return { key, user };
  }

  /** Whether a key's scopes include `scope`. */
  static allows(key: ApiKey, scope: ApiKeyScope): boolean {
    return key.scopes.includes(scope);
  }

  private async audit(action: "api_key.created" | "api_key.revoked", user: User, key: ApiKey) {
    await this.deps.store.audit.append({
      actor: { type: "user", id: user.id, name: user.name },
      action,
      conversationId: null,
      details: { apiKeyId: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes },
    });
  }
}
