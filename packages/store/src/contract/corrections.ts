import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { correction, isoFromNow } from "./fixtures";

/** CorrectionRepo: the supervisor's feedback queue, deduplicated by sourceKey. */
export function describeCorrections(ctx: StoreContext): void {
  describe("corrections", () => {
    it("reads back a correction exactly as it was created", async () => {
      const input = correction({
        conversationId: "conv-1",
        sourceKey: "review-1:edit",
        createdBy: "agent-1",
      });
      expect(await ctx.store.corrections.create(input)).toEqual({ correction: input, created: true });
      expect(await ctx.store.corrections.get(input.id)).toEqual(input);
      expect(await ctx.store.corrections.get("corr-missing")).toBeNull();
    });

    it("stores an event delivered twice once: the same sourceKey returns the first correction", async () => {
      const first = correction({ sourceKey: "review-7:edit" });
      await ctx.store.corrections.create(first);
      const again = await ctx.store.corrections.create(
        correction({ sourceKey: "review-7:edit", answer: "other" }),
      );
      expect(again).toEqual({ correction: first, created: false });
      expect(await ctx.store.corrections.list({ limit: 10 })).toHaveLength(1);
    });

    it("does not deduplicate corrections without a sourceKey", async () => {
      await ctx.store.corrections.create(correction());
      const second = await ctx.store.corrections.create(correction());
      expect(second.created).toBe(true);
      expect(await ctx.store.corrections.list({ limit: 10 })).toHaveLength(2);
    });

    it("lists by status, at most `limit`", async () => {
      const pending = correction({ createdAt: isoFromNow(-2000) });
      const approved = correction({ status: "approved", createdAt: isoFromNow(-1000) });
      await ctx.store.corrections.create(pending);
      await ctx.store.corrections.create(approved);
      expect(await ctx.store.corrections.list({ status: "approved", limit: 10 })).toEqual([approved]);
      expect(await ctx.store.corrections.list({ status: "pending", limit: 10 })).toEqual([pending]);
      expect(await ctx.store.corrections.list({ status: "retired", limit: 10 })).toEqual([]);
      expect(await ctx.store.corrections.list({ limit: 1 })).toHaveLength(1);
    });

    it("holds a correction in quarantine with its reason and lists it by that status", async () => {
      const input = correction({ status: "approved" });
      await ctx.store.corrections.create(input);
      await ctx.store.corrections.update(input.id, { reason: "asks for cvv" });
      const held = await ctx.store.corrections.setStatus(input.id, "quarantined", "supervisor-1");
      expect(held).toMatchObject({ id: input.id, status: "quarantined", reason: "asks for cvv" });
      expect(await ctx.store.corrections.list({ status: "quarantined", limit: 10 })).toEqual([held]);
      expect(await ctx.store.corrections.list({ status: "approved", limit: 10 })).toEqual([]);
    });

    it("records who reviewed a correction and when, and returns null for an unknown one", async () => {
      const input = correction();
      await ctx.store.corrections.create(input);
      const approved = await ctx.store.corrections.setStatus(input.id, "approved", "supervisor-1");
      expect(approved).toMatchObject({
        ...input,
        status: "approved",
        reviewedBy: "supervisor-1",
        reviewedAt: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(approved?.reviewedAt ?? ""))).toBe(false);
      expect(await ctx.store.corrections.get(input.id)).toEqual(approved);
      expect(await ctx.store.corrections.setStatus("corr-missing", "approved", null)).toBeNull();
    });

    it("a supervisor's rewrite changes only the fields given", async () => {
      const input = correction({ tags: ["old"], reason: "edit" });
      await ctx.store.corrections.create(input);
      const rewritten = await ctx.store.corrections.update(input.id, {
        answer: "Reusable answer.",
        tags: ["billing"],
      });
      expect(rewritten).toEqual({ ...input, answer: "Reusable answer.", tags: ["billing"] });
      const noted = await ctx.store.corrections.update(input.id, { reason: null });
      expect(noted).toEqual({ ...input, answer: "Reusable answer.", tags: ["billing"], reason: null });
      expect(await ctx.store.corrections.update("corr-missing", { answer: "x" })).toBeNull();
    });
  });
}
