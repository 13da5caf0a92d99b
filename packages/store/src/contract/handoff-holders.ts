import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { approvalReview, handoffReview } from "./fixtures";

const grace = { id: "agent-1", name: "Grace" };
const alan = { id: "agent-2", name: "Alan" };

/** ReviewRepo.reassign: moving a claimed handoff to another agent, or back to the queue. */
export function describeHandoffHolders(ctx: StoreContext): void {
  describe("handoff holders", () => {
    it("moves a claimed handoff from its holder to another agent", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      await ctx.store.reviews.claim(handoff.id, grace);
      const moved = await ctx.store.reviews.reassign(handoff.id, grace.id, alan);
      expect(moved).toMatchObject({ status: "claimed", assigneeId: alan.id, assigneeName: alan.name });
      expect(await ctx.store.reviews.get(handoff.id)).toEqual(moved);
    });

    it("puts a claimed handoff back in the queue with nobody assigned, so another agent can claim it", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      await ctx.store.reviews.claim(handoff.id, grace);
      expect(await ctx.store.reviews.reassign(handoff.id, grace.id, null)).toMatchObject({
        status: "pending",
        assigneeId: null,
        assigneeName: null,
      });
      expect(await ctx.store.reviews.claim(handoff.id, alan)).toMatchObject({ assigneeId: alan.id });
    });

    it("changes nothing when the handoff is not held by the agent named, is pending, or is an approval", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      expect(await ctx.store.reviews.reassign(handoff.id, grace.id, alan)).toBeNull();
      await ctx.store.reviews.claim(handoff.id, grace);
      expect(await ctx.store.reviews.reassign(handoff.id, alan.id, null)).toBeNull();
      expect(await ctx.store.reviews.get(handoff.id)).toMatchObject({
        status: "claimed",
        assigneeId: grace.id,
      });
      const approval = approvalReview();
      await ctx.store.reviews.create(approval);
      expect(await ctx.store.reviews.reassign(approval.id, grace.id, null)).toBeNull();
      expect(await ctx.store.reviews.reassign("review-missing", grace.id, null)).toBeNull();
    });

    it("lets exactly one of two simultaneous moves of a handoff win", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      await ctx.store.reviews.claim(handoff.id, grace);
      const results = await Promise.all([
        ctx.store.reviews.reassign(handoff.id, grace.id, alan),
        ctx.store.reviews.reassign(handoff.id, grace.id, null),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });
  });
}
