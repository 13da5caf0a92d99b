import { describe, expect, it } from "vitest";
import type { AuditAction } from "@handoff/contracts";
import type { StoreContext } from "./context";

const system = { type: "system", id: null, name: null } as const;

/** AuditRepo: an append-only log read newest first. */
export function describeAudit(ctx: StoreContext): void {
  const log = (action: AuditAction, conversationId: string | null, details: Record<string, unknown> = {}) =>
    ctx.store.audit.append({ actor: system, action, conversationId, details });

  describe("audit log", () => {
    it("assigns each event an id and a time and reads it back", async () => {
      const event = await ctx.store.audit.append({
        actor: { type: "user", id: "agent-1", name: "Grace" },
        action: "review.decided",
        conversationId: "conv-1",
        details: { decision: "approve", nested: { ok: true }, list: [1, 2] },
      });
      expect(event).toMatchObject({
        actor: { type: "user", id: "agent-1", name: "Grace" },
        action: "review.decided",
        conversationId: "conv-1",
        details: { decision: "approve", nested: { ok: true }, list: [1, 2] },
      });
      expect(event.id).not.toBe("");
      expect(Number.isNaN(Date.parse(event.at))).toBe(false);
      expect(await ctx.store.audit.list({ limit: 10 })).toEqual([event]);
    });

    it("lists newest first, even for events in the same millisecond", async () => {
      const events = [];
      for (let i = 0; i < 5; i++) events.push(await log("message.routed", "conv-1", { i }));
      const listed = await ctx.store.audit.list({ limit: 10 });
      expect(listed.map((e) => e.id)).toEqual(events.reverse().map((e) => e.id));
    });

    it("filters by conversation and by action, at most `limit`", async () => {
      await log("message.routed", "conv-1");
      await log("handoff.requested", "conv-1");
      await log("message.routed", "conv-2");
      await log("kb.imported", null);

      const conv1 = await ctx.store.audit.list({ conversationId: "conv-1", limit: 10 });
      expect(conv1.map((e) => e.action)).toEqual(["handoff.requested", "message.routed"]);
      const routed = await ctx.store.audit.list({ action: "message.routed", limit: 10 });
      expect(routed.map((e) => e.conversationId)).toEqual(["conv-2", "conv-1"]);
      const both = await ctx.store.audit.list({
        conversationId: "conv-2",
        action: "message.routed",
        limit: 10,
      });
      expect(both).toHaveLength(1);
      expect(await ctx.store.audit.list({ limit: 2 })).toHaveLength(2);
      expect(await ctx.store.audit.list({ conversationId: "conv-none", limit: 10 })).toEqual([]);
    });
  });
}
