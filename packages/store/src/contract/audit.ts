import { describe, expect, it } from "vitest";
import { AuditEntry, type AuditAction } from "@handoff/contracts";
import type { StoreContext } from "./context";

const system = { type: "system", id: null, name: null } as const;

/** AuditRepo: an append-only log read newest first. */
export function describeAudit(ctx: StoreContext): void {
  const log = (action: AuditAction, conversationId: string | null, details: Record<string, unknown> = {}) =>
    ctx.store.audit.append(AuditEntry.parse({ actor: system, action, conversationId, details }));

  describe("audit log", () => {
    it("assigns each event an id and a time and reads it back", async () => {
      const event = await ctx.store.audit.append({
        actor: { type: "user", id: "agent-1", name: "Grace" },
        action: "review.decided",
        conversationId: "conv-1",
        details: { decision: { type: "approve" }, nested: { ok: true }, list: [1, 2] },
      });
      expect(event).toMatchObject({
        actor: { type: "user", id: "agent-1", name: "Grace" },
        action: "review.decided",
        conversationId: "conv-1",
        details: { decision: { type: "approve" }, nested: { ok: true }, list: [1, 2] },
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

    it("finds events containing every word searched for, in any case, and only within a period", async () => {
      await ctx.store.audit.append({
        actor: { type: "user", id: "u1", name: "Grace Hopper" },
        action: "settings.changed",
        conversationId: null,
        details: { after: { thresholds: { auto: 0.8 } } },
      });
      await log("message.routed", "conv-9", { route: "handoff", reason: "out_of_scope" });
      await log("message.routed", "conv-8", { route: "auto", note: "100%_sure" });

      const words = async (text: string) =>
        (await ctx.store.audit.list({ text, limit: 10 })).map((e) => e.conversationId ?? e.action);
      expect(await words("grace THRESHOLDS")).toEqual(["settings.changed"]);
      expect(await words("handoff out_of_scope")).toEqual(["conv-9"]);
      expect(await words("conv-8")).toEqual(["conv-8"]);
      expect(await words("grace handoff")).toEqual([]);
      // The actor is searched by type and name, as on every adapter; ids and JSON keys are not words.
      expect(await words("u1")).toEqual([]);
      expect(await words("user grace")).toEqual(["settings.changed"]);
      // % and _ are literal characters, not wildcards; a regex character is literal too.
      expect(await words("0%_s")).toEqual(["conv-8"]);
      expect(await words("%")).toEqual(["conv-8"]);
      expect(await words(".*")).toEqual([]);

      const all = await ctx.store.audit.list({ limit: 10 });
      const newest = all[0]?.at ?? "";
      expect(
        await ctx.store.audit.list({ from: new Date(Date.parse(newest) + 1000).toISOString(), limit: 10 }),
      ).toEqual([]);
      expect(
        await ctx.store.audit.list({ to: new Date(Date.parse(newest) + 1000).toISOString(), limit: 10 }),
      ).toHaveLength(3);
      expect(await ctx.store.audit.list({ to: "2000-01-01T00:00:00.000Z", limit: 10 })).toEqual([]);
    });
  });
}
