import { describe, expect, it } from "vitest";
import type { Team } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { approvalReview, handoffReview, isoFromNow, uniqueId } from "./fixtures";

/** A team with overrides. */
function team(overrides: Partial<Team> = {}): Team {
  const at = isoFromNow(0);
  return {
    id: uniqueId("team"),
    name: "Billing",
    categories: ["billing", "refunds"],
    members: [{ userId: "user-1" }],
    hours: {
      timeZone: "Europe/Paris",
      weekly: [{ day: "mon", open: "09:00", close: "17:00" }],
      holidays: [{ date: "2026-12-25", name: "Christmas" }],
    },
    offerSeconds: 45,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** TeamRepo, and bringing a review's deadline forward when its team closes. */
export function describeTeams(ctx: StoreContext): void {
  describe("teams", () => {
    it("reads teams back exactly, listed by name in any case", async () => {
      const billing = await ctx.store.teams.create(team());
      const always = await ctx.store.teams.create(team({ name: "after hours", categories: [], hours: null }));
      expect(await ctx.store.teams.get(billing.id)).toEqual(billing);
      expect(await ctx.store.teams.list()).toEqual([always, billing]);
      expect(await ctx.store.teams.get("team-missing")).toBeNull();
    });

    it("refuses a second team with the same name in another case", async () => {
      await ctx.store.teams.create(team());
      await expect(ctx.store.teams.create(team({ name: "BILLING" }))).rejects.toThrow(/already exists/);
      expect(await ctx.store.teams.list()).toHaveLength(1);
    });

    it("changes only the fields given, and refuses a rename onto another team's name", async () => {
      const billing = await ctx.store.teams.create(team());
      const shipping = await ctx.store.teams.create(team({ name: "Shipping", categories: ["delivery"] }));
      const later = isoFromNow(1000);
      const updated = await ctx.store.teams.update(
        billing.id,
        { categories: ["billing"], hours: null },
        later,
      );
      expect(updated).toEqual({ ...billing, categories: ["billing"], hours: null, updatedAt: later });
      await expect(ctx.store.teams.update(shipping.id, { name: "billing" }, later)).rejects.toThrow(
        /already exists/,
      );
      expect(await ctx.store.teams.get(shipping.id)).toEqual(shipping);
      expect(await ctx.store.teams.update("team-missing", { name: "X" }, later)).toBeNull();
    });

    it("refuses hours that do not make sense, changing nothing", async () => {
      const billing = await ctx.store.teams.create(team());
      const backwards = {
        timeZone: "UTC",
        weekly: [{ day: "mon" as const, open: "17:00", close: "09:00" }],
        holidays: [],
      };
      await expect(ctx.store.teams.update(billing.id, { hours: backwards }, isoFromNow(0))).rejects.toThrow();
      expect(await ctx.store.teams.get(billing.id)).toEqual(billing);
    });

    it("deletes a team once", async () => {
      const billing = await ctx.store.teams.create(team());
      expect(await ctx.store.teams.delete(billing.id)).toBe(true);
      expect(await ctx.store.teams.delete(billing.id)).toBe(false);
      expect(await ctx.store.teams.list()).toEqual([]);
    });
  });

  describe("deadlines brought forward", () => {
    it("moves a pending review's deadline earlier, never later, and leaves it due", async () => {
      const approval = approvalReview({ deadline: isoFromNow(3_600_000) });
      await ctx.store.reviews.create(approval);
      const soon = isoFromNow(-1000);
      expect(await ctx.store.reviews.bringDeadlineForward(approval.id, soon)).toMatchObject({
        deadline: soon,
      });
      expect(await ctx.store.reviews.bringDeadlineForward(approval.id, isoFromNow(60_000))).toBeNull();
      expect((await ctx.store.reviews.get(approval.id))?.deadline).toBe(soon);
      expect((await ctx.store.reviews.listDue(isoFromNow(0), 10)).map((r) => r.id)).toContain(approval.id);
    });

    it("leaves a review that is no longer pending alone", async () => {
      const handoff = handoffReview({ deadline: isoFromNow(3_600_000) });
      await ctx.store.reviews.create(handoff);
      await ctx.store.reviews.claim(handoff.id, { id: "agent-1", name: "Grace" });
      expect(await ctx.store.reviews.bringDeadlineForward(handoff.id, isoFromNow(0))).toBeNull();
      expect(await ctx.store.reviews.bringDeadlineForward("review-missing", isoFromNow(0))).toBeNull();
    });
  });
}
