import type { ApiKey } from "@handoff/contracts";

/** API keys, looked up by a hash of their secret (the secret itself is never stored). */
export interface ApiKeyRepo {
  create(key: ApiKey, secretHash: string): Promise<ApiKey>;
  findBySecretHash(secretHash: string): Promise<ApiKey | null>;
  get(id: string): Promise<ApiKey | null>;
  /** Every key, revoked ones included, newest first. */
  list(): Promise<ApiKey[]>;
  /** Marks a key revoked at `at` (a second revocation keeps the first time); null when there is no such key. */
  revoke(id: string, at: string): Promise<ApiKey | null>;
  /** Records when a key was last used. */
  touch(id: string, at: string): Promise<void>;
}
