import { describe, expect, it } from "vitest";
import type { ApiKey } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { isoFromNow, uniqueId } from "./fixtures";

/** A key created now, with overrides. */
function apiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: uniqueId("key"),
    name: "CRM sync",
    prefix: "hk_abcdefgh",
    scopes: ["conversations:read", "messages:send"],
    createdBy: "supervisor-1",
    createdByName: "Sam Supervisor",
    createdAt: isoFromNow(0),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** ApiKeyRepo: keys found by their secret's hash, listed newest first, revoked once. */
export function describeApiKeys(ctx: StoreContext): void {
  describe("api keys", () => {
    it("finds a key by its secret hash and never by anything else", async () => {
      const key = await ctx.store.apiKeys.create(apiKey(), "hash-1");
      expect(await ctx.store.apiKeys.findBySecretHash("hash-1")).toEqual(key);
      expect(await ctx.store.apiKeys.get(key.id)).toEqual(key);
      expect(await ctx.store.apiKeys.findBySecretHash("hash-2")).toBeNull();
      expect(await ctx.store.apiKeys.findBySecretHash(key.id)).toBeNull();
      expect(await ctx.store.apiKeys.get("key-missing")).toBeNull();
    });

    it("lists keys newest first, revoked ones included", async () => {
      const older = await ctx.store.apiKeys.create(apiKey({ createdAt: isoFromNow(-60_000) }), "h-old");
      const newer = await ctx.store.apiKeys.create(apiKey({ name: "Importer" }), "h-new");
      await ctx.store.apiKeys.revoke(older.id, isoFromNow(0));
      expect((await ctx.store.apiKeys.list()).map((k) => k.id)).toEqual([newer.id, older.id]);
    });

    it("keeps the first revocation time and records the last use", async () => {
      const key = await ctx.store.apiKeys.create(apiKey(), "hash-r");
      const first = isoFromNow(0);
      expect((await ctx.store.apiKeys.revoke(key.id, first))?.revokedAt).toBe(first);
      expect((await ctx.store.apiKeys.revoke(key.id, isoFromNow(5000)))?.revokedAt).toBe(first);
      expect(await ctx.store.apiKeys.revoke("key-missing", first)).toBeNull();
      const used = isoFromNow(1000);
      await ctx.store.apiKeys.touch(key.id, used);
      expect((await ctx.store.apiKeys.findBySecretHash("hash-r"))?.lastUsedAt).toBe(used);
    });
  });
}
