import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { article } from "./fixtures";

/** ArticleRepo and KeyValueRepo: the help center and small settings. */
export function describeArticlesAndSettings(ctx: StoreContext): void {
  describe("articles", () => {
    it("inserts articles and reads them back", async () => {
      const shipping = article();
      const returns = article({ id: "returns", title: "Returns", tags: [], body: "30 days." });
      await ctx.store.articles.upsertMany([shipping, returns]);
      expect(await ctx.store.articles.count()).toBe(2);
      expect(await ctx.store.articles.get("returns")).toEqual(returns);
      expect(await ctx.store.articles.get("missing")).toBeNull();
      const listed = await ctx.store.articles.list();
      expect([...listed].sort((x, y) => x.id.localeCompare(y.id))).toEqual([returns, shipping]);
    });

    it("replaces an article with the same id instead of adding another", async () => {
      await ctx.store.articles.upsertMany([article()]);
      const updated = article({
        title: "Shipping times",
        tags: ["delivery", "eu"],
        body: "Two days in the EU.",
      });
      await ctx.store.articles.upsertMany([updated]);
      expect(await ctx.store.articles.count()).toBe(1);
      expect(await ctx.store.articles.get("shipping")).toEqual(updated);
    });

    it("keeps a quarantined article's screening, and an import without one stores none", async () => {
      const screening = {
        status: "quarantined" as const,
        reasons: ['addresses the assistant: "note to the ai model"'],
        at: new Date().toISOString(),
        releasedBy: null,
      };
      const held = article({ id: "gift-cards", title: "Gift cards", screening });
      await ctx.store.articles.upsertMany([held, article()]);
      expect(await ctx.store.articles.get("gift-cards")).toEqual(held);
      expect((await ctx.store.articles.list()).map((a) => a.screening ?? null)).toEqual([screening, null]);
      const clean = article({ id: "gift-cards", title: "Gift cards" });
      await ctx.store.articles.upsertMany([clean]);
      expect(await ctx.store.articles.get("gift-cards")).toEqual(clean);
    });

    it("sets and clears an article's screening and deletes an article", async () => {
      await ctx.store.articles.upsertMany([article()]);
      const released = {
        status: "released" as const,
        reasons: ["asks for cvv"],
        at: new Date().toISOString(),
        releasedBy: "Sam Supervisor",
      };
      expect(await ctx.store.articles.setScreening("shipping", released)).toEqual({
        ...article({ updatedAt: expect.any(String) }),
        screening: released,
      });
      expect((await ctx.store.articles.get("shipping"))?.screening).toEqual(released);
      expect((await ctx.store.articles.setScreening("shipping", null))?.screening).toBeUndefined();
      expect(await ctx.store.articles.setScreening("missing", released)).toBeNull();
      expect(await ctx.store.articles.delete("shipping")).toBe(true);
      expect(await ctx.store.articles.delete("shipping")).toBe(false);
      expect(await ctx.store.articles.count()).toBe(0);
    });

    it("accepts an empty import", async () => {
      await ctx.store.articles.upsertMany([]);
      expect(await ctx.store.articles.list()).toEqual([]);
    });
  });

  describe("key-value settings", () => {
    it("round-trips JSON values and overwrites on set", async () => {
      const value = { thresholds: { auto: 0.8, review: 0.5 }, list: [1, "two", null], on: true };
      await ctx.store.kv.set("settings", value);
      expect(await ctx.store.kv.get("settings")).toEqual(value);
      await ctx.store.kv.set("settings", 42);
      expect(await ctx.store.kv.get("settings")).toBe(42);
      await ctx.store.kv.set("flag", null);
      expect(await ctx.store.kv.get("flag")).toBeNull();
    });

    it("returns undefined for a key never set", async () => {
      expect(await ctx.store.kv.get("missing")).toBeUndefined();
    });
  });
}
