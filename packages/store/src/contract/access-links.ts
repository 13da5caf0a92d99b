import { describe, expect, it } from "vitest";
import type { AccessLink } from "@handoff/contracts";
import type { StoreContext } from "./context";
import { isoFromNow, uniqueId } from "./fixtures";

/** An open invitation, with overrides. */
function invite(overrides: Partial<AccessLink> = {}): AccessLink {
  return {
    id: uniqueId("link"),
    kind: "invite",
    email: "new@example.com",
    role: "agent",
    name: "New Person",
    userId: null,
    createdBy: { id: "user-1", name: "Sam" },
    createdAt: isoFromNow(0),
    expiresAt: isoFromNow(3_600_000),
    usedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** AccessLinkRepo: one-time invitation and reset links, found by token hash, used once. */
export function describeAccessLinks(ctx: StoreContext): void {
  describe("access links", () => {
    it("reads a link back by id and by its token hash, never by another hash", async () => {
      const link = invite({ email: "New@Example.com" });
      const stored = await ctx.store.accessLinks.create(link, "hash-a");
      expect(stored).toEqual({ ...link, email: "new@example.com" });
      expect(await ctx.store.accessLinks.findByTokenHash("hash-a")).toEqual(stored);
      expect(await ctx.store.accessLinks.get(link.id)).toEqual(stored);
      expect(await ctx.store.accessLinks.findByTokenHash("hash-b")).toBeNull();
      expect(await ctx.store.accessLinks.get("link-missing")).toBeNull();
    });

    it("lets exactly one of two simultaneous uses of a link win", async () => {
      const link = await ctx.store.accessLinks.create(invite(), "hash-a");
      const at = isoFromNow(0);
      const results = await Promise.all([
        ctx.store.accessLinks.use(link.id, at),
        ctx.store.accessLinks.use(link.id, at),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await ctx.store.accessLinks.get(link.id))?.usedAt).toBe(at);
      expect(await ctx.store.accessLinks.use(link.id, isoFromNow(1000))).toBeNull();
    });

    it("refuses to use a link that has expired or was revoked", async () => {
      const expired = await ctx.store.accessLinks.create(invite({ expiresAt: isoFromNow(-1000) }), "h-1");
      expect(await ctx.store.accessLinks.use(expired.id, isoFromNow(0))).toBeNull();
      const revoked = await ctx.store.accessLinks.create(invite(), "h-2");
      expect(await ctx.store.accessLinks.revoke(revoked.id, isoFromNow(0))).toMatchObject({
        revokedAt: expect.any(String),
      });
      expect(await ctx.store.accessLinks.revoke(revoked.id, isoFromNow(0))).toBeNull();
      expect(await ctx.store.accessLinks.use(revoked.id, isoFromNow(0))).toBeNull();
    });

    it("lists the open links of a kind newest first, leaving out used, revoked and expired ones", async () => {
      const now = isoFromNow(0);
      const older = await ctx.store.accessLinks.create(invite({ createdAt: isoFromNow(-2000) }), "h-1");
      const newer = await ctx.store.accessLinks.create(invite({ createdAt: isoFromNow(-1000) }), "h-2");
      const used = await ctx.store.accessLinks.create(invite(), "h-3");
      await ctx.store.accessLinks.use(used.id, now);
      const revoked = await ctx.store.accessLinks.create(invite(), "h-4");
      await ctx.store.accessLinks.revoke(revoked.id, now);
      await ctx.store.accessLinks.create(invite({ expiresAt: isoFromNow(-10_000) }), "h-5");
      await ctx.store.accessLinks.create(invite({ kind: "password_reset", userId: "user-2" }), "h-6");
      const open = await ctx.store.accessLinks.listOpen("invite", now);
      expect(open.map((l) => l.id)).toEqual([newer.id, older.id]);
    });

    it("revokes the open links of one kind for one email, in any case, and no others", async () => {
      const now = isoFromNow(0);
      const a = await ctx.store.accessLinks.create(invite({ email: "a@example.com" }), "h-1");
      const a2 = await ctx.store.accessLinks.create(invite({ email: "a@example.com" }), "h-2");
      const b = await ctx.store.accessLinks.create(invite({ email: "b@example.com" }), "h-3");
      const reset = await ctx.store.accessLinks.create(
        invite({ kind: "password_reset", email: "a@example.com", userId: "user-a" }),
        "h-4",
      );
      expect(await ctx.store.accessLinks.revokeOpenFor("invite", "A@example.com", now)).toBe(2);
      expect((await ctx.store.accessLinks.get(a.id))?.revokedAt).toBe(now);
      expect((await ctx.store.accessLinks.get(a2.id))?.revokedAt).toBe(now);
      expect((await ctx.store.accessLinks.get(b.id))?.revokedAt).toBeNull();
      expect((await ctx.store.accessLinks.get(reset.id))?.revokedAt).toBeNull();
    });
  });
}
