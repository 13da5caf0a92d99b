import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { approvalReview, handoffReview, isoFromNow, tick } from "./fixtures";

const agent = { id: "agent-1", name: "Grace" };

/** ReviewRepo: idempotent create, claim and decide races, queues and deadlines. */
export function describeReviews(ctx: StoreContext): void {
  describe("reviews", () => {
    it("reads back an approval and a handoff exactly as they were created", async () => {
      const approval = approvalReview();
      const handoff = handoffReview();
      expect(await ctx.store.reviews.create(approval)).toEqual({ review: approval, created: true });
      expect(await ctx.store.reviews.create(handoff)).toEqual({ review: handoff, created: true });
      expect(await ctx.store.reviews.get(approval.id)).toEqual(approval);
      expect(await ctx.store.reviews.get(handoff.id)).toEqual(handoff);
      expect(await ctx.store.reviews.get("review-missing")).toBeNull();
    });

    it("keeps the first review when the same id is created again", async () => {
      const first = approvalReview();
      await ctx.store.reviews.create(first);
      const again = await ctx.store.reviews.create({
        ...first,
        packet: { ...first.packet, question: "changed" },
      });
      expect(again).toEqual({ review: first, created: false });
    });

    it("lets exactly one of two simultaneous claims of a handoff win", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      const results = await Promise.all([
        ctx.store.reviews.claim(handoff.id, agent),
        ctx.store.reviews.claim(handoff.id, { id: "agent-2", name: "Alan" }),
      ]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.status).toBe("claimed");
      const stored = await ctx.store.reviews.get(handoff.id);
      expect(stored).toMatchObject({ status: "claimed", assigneeId: winners[0]?.assigneeId });
      expect(stored?.assigneeName).toBe(winners[0]?.assigneeName);
    });

    it("refuses to claim a handoff that is already claimed, or one that does not exist", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      expect(await ctx.store.reviews.claim(handoff.id, agent)).toMatchObject({
        status: "claimed",
        assigneeId: "agent-1",
        assigneeName: "Grace",
      });
      expect(await ctx.store.reviews.claim(handoff.id, { id: "agent-2", name: "Alan" })).toBeNull();
      expect((await ctx.store.reviews.get(handoff.id))?.assigneeId).toBe("agent-1");
      expect(await ctx.store.reviews.claim("review-missing", agent)).toBeNull();
    });

    it("does not claim approvals: they are decided, not taken over", async () => {
      const approval = approvalReview();
      await ctx.store.reviews.create(approval);
      expect(await ctx.store.reviews.claim(approval.id, agent)).toBeNull();
      expect(await ctx.store.reviews.get(approval.id)).toEqual(approval);
    });

    it("records a decision with who decided and when", async () => {
      const approval = approvalReview();
      await ctx.store.reviews.create(approval);
      const decided = await ctx.store.reviews.decide(
        approval.id,
        ["pending"],
        { type: "edit", text: "Yes, within 30 days of delivery." },
        "agent-1",
      );
      expect(decided).toMatchObject({
        status: "decided",
        decision: { type: "edit", text: "Yes, within 30 days of delivery." },
        decidedBy: "agent-1",
      });
      expect(Number.isNaN(Date.parse(decided?.decidedAt ?? ""))).toBe(false);
      expect(await ctx.store.reviews.get(approval.id)).toEqual(decided);
    });

    it("keeps the first decision when a review is decided twice", async () => {
      const approval = approvalReview();
      await ctx.store.reviews.create(approval);
      const first = await ctx.store.reviews.decide(approval.id, ["pending"], { type: "approve" }, "agent-1");
      const second = await ctx.store.reviews.decide(
        approval.id,
        ["pending"],
        { type: "reject", reason: "wrong" },
        "agent-2",
      );
      expect(second).toBeNull();
      expect(await ctx.store.reviews.get(approval.id)).toEqual(first);
    });

    it("lets exactly one of two simultaneous decisions win", async () => {
      const approval = approvalReview();
      await ctx.store.reviews.create(approval);
      const results = await Promise.all([
        ctx.store.reviews.decide(approval.id, ["pending"], { type: "approve" }, "agent-1"),
        ctx.store.reviews.decide(approval.id, ["pending"], { type: "reject", reason: "no" }, "agent-2"),
      ]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await ctx.store.reviews.get(approval.id)).toEqual(winners[0]);
    });

    it("decides a claimed handoff only when `from` allows claimed", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      await ctx.store.reviews.claim(handoff.id, agent);
      expect(
        await ctx.store.reviews.decide(handoff.id, ["pending"], { type: "resolved" }, "agent-1"),
      ).toBeNull();
      const decided = await ctx.store.reviews.decide(
        handoff.id,
        ["pending", "claimed"],
        { type: "handed_back" },
        "agent-1",
      );
      expect(decided).toMatchObject({
        status: "decided",
        decision: { type: "handed_back" },
        assigneeId: "agent-1",
      });
      expect(
        await ctx.store.reviews.decide("review-missing", ["pending"], { type: "approve" }, null),
      ).toBeNull();
    });

    it("refuses a decision that does not fit the review's kind and leaves the review as it was", async () => {
      const handoff = handoffReview();
      await ctx.store.reviews.create(handoff);
      await expect(
        ctx.store.reviews.decide(handoff.id, ["pending"], { type: "approve" }, "agent-1"),
      ).rejects.toThrow();
      expect(await ctx.store.reviews.get(handoff.id)).toEqual(handoff);
    });

    it("lists reviews in the given statuses oldest first, at most `limit`", async () => {
      const older = approvalReview({ createdAt: isoFromNow(-3000) });
      const newer = handoffReview({ createdAt: isoFromNow(-1000) });
      const claimed = handoffReview({ createdAt: isoFromNow(-2000) });
      const decided = approvalReview({ createdAt: isoFromNow(-4000) });
      for (const r of [newer, older, claimed, decided]) await ctx.store.reviews.create(r);
      await ctx.store.reviews.claim(claimed.id, agent);
      await ctx.store.reviews.decide(decided.id, ["pending"], { type: "approve" }, null);

      const pending = await ctx.store.reviews.listByStatus(["pending"], 10);
      expect(pending.map((r) => r.id)).toEqual([older.id, newer.id]);
      const open = await ctx.store.reviews.listByStatus(["pending", "claimed"], 10);
      expect(open.map((r) => r.id)).toEqual([older.id, claimed.id, newer.id]);
      expect(await ctx.store.reviews.listByStatus(["pending", "claimed"], 1)).toHaveLength(1);
    });

    it("lists a conversation's reviews and no one else's", async () => {
      const first = approvalReview({ conversationId: "conv-a" });
      await tick();
      const second = handoffReview({ conversationId: "conv-a" });
      await ctx.store.reviews.create(second);
      await ctx.store.reviews.create(first);
      await ctx.store.reviews.create(approvalReview({ conversationId: "conv-b" }));
      const listed = await ctx.store.reviews.listByConversation("conv-a");
      expect(listed.map((r) => r.id)).toEqual([first.id, second.id]);
      expect(await ctx.store.reviews.listByConversation("conv-none")).toEqual([]);
    });

    it("lists pending and claimed reviews whose deadline has come, and nothing else", async () => {
      const now = "2030-01-01T11:00:00.000Z";
      const overdue = approvalReview({ deadline: "2030-01-01T10:00:00.000Z" });
      const dueNow = handoffReview({ deadline: now });
      // 12:00 at +02:00 is 10:00 UTC: deadlines compare as instants, not as text.
      const dueInOtherZone = approvalReview({ deadline: "2030-01-01T12:00:00+02:00" });
      const claimedOverdue = handoffReview({ deadline: "2030-01-01T09:00:00.000Z" });
      const notYet = approvalReview({ deadline: "2030-01-01T11:00:00.001Z" });
      const decidedOverdue = approvalReview({ deadline: "2030-01-01T08:00:00.000Z" });
      for (const r of [overdue, dueNow, dueInOtherZone, claimedOverdue, notYet, decidedOverdue]) {
        await ctx.store.reviews.create(r);
      }
      await ctx.store.reviews.claim(claimedOverdue.id, agent);
      await ctx.store.reviews.decide(decidedOverdue.id, ["pending"], { type: "approve" }, null);

      const due = await ctx.store.reviews.listDue(now, 10);
      expect(due.map((r) => r.id).sort()).toEqual(
        [overdue.id, dueNow.id, dueInOtherZone.id, claimedOverdue.id].sort(),
      );
      expect(await ctx.store.reviews.listDue(now, 2)).toHaveLength(2);
    });
    it("leaves a review out of the due list once its deadline is marked applied, keeping the shown deadline", async () => {
      const now = "2030-01-01T11:00:00.000Z";
      const handled = handoffReview({ deadline: "2030-01-01T09:00:00.000Z" });
      const stillDue = handoffReview({ deadline: "2030-01-01T10:00:00.000Z" });
      for (const r of [handled, stillDue]) await ctx.store.reviews.create(r);
      await ctx.store.reviews.markDeadlineApplied(handled.id);

      expect((await ctx.store.reviews.listDue(now, 10)).map((r) => r.id)).toEqual([stillDue.id]);
      expect((await ctx.store.reviews.listDue("2100-01-01T00:00:00.000Z", 10)).map((r) => r.id)).toEqual([
        stillDue.id,
      ]);
      expect((await ctx.store.reviews.get(handled.id))?.deadline).toBe(handled.deadline);
      // A deadline brought forward (the team closes) makes it due again.
      expect(
        await ctx.store.reviews.bringDeadlineForward(handled.id, "2030-01-01T10:30:00.000Z"),
      ).not.toBeNull();
      expect((await ctx.store.reviews.listDue(now, 10)).map((r) => r.id)).toEqual([stillDue.id, handled.id]);
    });
    it("lists decided reviews until they are marked applied, oldest decision first", async () => {
      const first = approvalReview();
      const second = handoffReview();
      const pending = approvalReview();
      for (const r of [first, second, pending]) await ctx.store.reviews.create(r);
      await ctx.store.reviews.decide(first.id, ["pending"], { type: "approve" }, null);
      await tick();
      await ctx.store.reviews.decide(second.id, ["pending"], { type: "resolved" }, null);
      const now = isoFromNow(1000);
      expect((await ctx.store.reviews.listUnapplied(now, 10)).map((r) => r.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect((await ctx.store.reviews.listUnapplied(now, 1)).map((r) => r.id)).toEqual([first.id]);
      expect(await ctx.store.reviews.listUnapplied(isoFromNow(-60_000), 10)).toEqual([]);
      await ctx.store.reviews.markApplied(first.id);
      expect((await ctx.store.reviews.listUnapplied(now, 10)).map((r) => r.id)).toEqual([second.id]);
    });
  });
}
