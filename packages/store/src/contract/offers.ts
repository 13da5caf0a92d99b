import { describe, expect, it } from "vitest";
import type { HandoffOffer } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { isoFromNow, uniqueId } from "./fixtures";

/** An offer to Grace, with overrides. */
function offer(overrides: Partial<HandoffOffer> = {}): HandoffOffer {
  return {
    reviewId: uniqueId("review"),
    conversationId: uniqueId("conv"),
    userId: "agent-1",
    userName: "Grace",
    teamId: "team-1",
    offeredAt: isoFromNow(0),
    expiresAt: isoFromNow(30_000),
    tried: ["agent-1"],
    ...overrides,
  };
}

/** OfferRepo: one offer per waiting handoff, taken once, found when its time runs out. */
export function describeOffers(ctx: StoreContext): void {
  describe("handoff offers", () => {
    it("keeps one offer per handoff: a second one is refused until the first is taken", async () => {
      const first = offer();
      expect(await ctx.store.offers.add(first)).toBe(true);
      expect(await ctx.store.offers.get(first.reviewId)).toEqual(first);
      const next = { ...first, userId: "agent-2", userName: "Alan", tried: ["agent-1", "agent-2"] };
      const racing = await Promise.all([ctx.store.offers.add(next), ctx.store.offers.add(next)]);
      expect(racing).toEqual([false, false]);
      expect(await ctx.store.offers.list()).toEqual([first]);
      expect(await ctx.store.offers.take(first.reviewId, "agent-1")).toEqual(first);
      expect(await ctx.store.offers.add(next)).toBe(true);
      expect(await ctx.store.offers.get(first.reviewId)).toEqual(next);
      expect(await ctx.store.offers.get("review-missing")).toBeNull();
    });

    it("lets only the person it is offered to take it, once", async () => {
      const made = offer();
      await ctx.store.offers.add(made);
      expect(await ctx.store.offers.take(made.reviewId, "agent-2")).toBeNull();
      const results = await Promise.all([
        ctx.store.offers.take(made.reviewId, "agent-1"),
        ctx.store.offers.take(made.reviewId, "agent-1"),
      ]);
      expect(results.filter((r) => r !== null)).toEqual([made]);
      expect(await ctx.store.offers.get(made.reviewId)).toBeNull();
    });

    it("lists the offers whose time ran out, oldest first, and those of one person", async () => {
      const late = offer({ expiresAt: isoFromNow(-5000) });
      const later = offer({ expiresAt: isoFromNow(-1000), userId: "agent-2", userName: "Alan" });
      const fresh = offer({ expiresAt: isoFromNow(60_000) });
      for (const o of [fresh, later, late]) await ctx.store.offers.add(o);
      expect(await ctx.store.offers.listExpired(isoFromNow(0), 10)).toEqual([late, later]);
      expect(await ctx.store.offers.listExpired(isoFromNow(0), 1)).toEqual([late]);
      expect((await ctx.store.offers.list({ userId: "agent-1" })).map((o) => o.reviewId).sort()).toEqual(
        [late.reviewId, fresh.reviewId].sort(),
      );
      await ctx.store.offers.delete(late.reviewId);
      expect(await ctx.store.offers.listExpired(isoFromNow(0), 10)).toEqual([later]);
    });
  });
}
