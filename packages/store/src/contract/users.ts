import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { isoFromNow, tick } from "./fixtures";

/** UserRepo and SessionRepo: console sign-in. */
export function describeUsersAndSessions(ctx: StoreContext): void {
  describe("users", () => {
    it("creates a user and finds them by email in any case, with the password hash", async () => {
      const user = await ctx.store.users.create({
        email: "Grace@Example.com",
        name: "Grace",
        role: "supervisor",
        passwordHash: "scrypt$abc",
      });
      expect(user).toMatchObject({
        email: "grace@example.com",
        name: "Grace",
        role: "supervisor",
        status: "active",
        availability: "available",
        capacity: 3,
      });
      expect(user).not.toHaveProperty("passwordHash");
      expect(await ctx.store.users.findByEmail("GRACE@example.COM")).toEqual({
        user,
        passwordHash: "scrypt$abc",
      });
      expect(await ctx.store.users.findByEmail("grace@example.com")).toEqual({
        user,
        passwordHash: "scrypt$abc",
      });
      expect(await ctx.store.users.findByEmail("nobody@example.com")).toBeNull();
    });

    it("refuses a second user with the same email in another case", async () => {
      await ctx.store.users.create({
        email: "alan@example.com",
        name: "Alan",
        role: "agent",
        passwordHash: "h",
      });
      await expect(
        ctx.store.users.create({
          email: "ALAN@example.com",
          name: "Other",
          role: "agent",
          passwordHash: "h",
        }),
      ).rejects.toThrow();
      expect(await ctx.store.users.count()).toBe(1);
    });

    it("gets users by id and counts them", async () => {
      expect(await ctx.store.users.count()).toBe(0);
      const a = await ctx.store.users.create({
        email: "a@example.com",
        name: "A",
        role: "agent",
        passwordHash: "h",
      });
      const b = await ctx.store.users.create({
        email: "b@example.com",
        name: "B",
        role: "agent",
        passwordHash: "h",
      });
      expect(a.id).not.toBe(b.id);
      expect(await ctx.store.users.get(b.id)).toEqual(b);
      expect(await ctx.store.users.get("user-missing")).toBeNull();
      expect(await ctx.store.users.count()).toBe(2);
    });
  });

  describe("managing accounts", () => {
    const create = (email: string, role: "agent" | "supervisor" = "agent") =>
      ctx.store.users.create({ email, name: email.split("@")[0] ?? email, role, passwordHash: "h1" });

    it("lists every account oldest first, deactivated ones included", async () => {
      const a = await create("a@example.com");
      await tick();
      const b = await create("b@example.com", "supervisor");
      await ctx.store.users.update(a.id, { status: "deactivated" });
      expect(await ctx.store.users.list()).toEqual([{ ...a, status: "deactivated" }, b]);
    });

    it("changes only the fields a patch gives, and finds nobody to change for an unknown id", async () => {
      const a = await create("a@example.com");
      expect(await ctx.store.users.update(a.id, { role: "supervisor" })).toEqual({
        ...a,
        role: "supervisor",
      });
      expect(await ctx.store.users.update(a.id, { name: "Ada L." })).toEqual({
        ...a,
        role: "supervisor",
        name: "Ada L.",
      });
      const off = await ctx.store.users.update(a.id, { status: "deactivated" });
      expect(off).toMatchObject({ status: "deactivated", role: "supervisor", name: "Ada L." });
      expect((await ctx.store.users.findByEmail("a@example.com"))?.user).toEqual(off);
      expect(await ctx.store.users.update("user-missing", { name: "X" })).toBeNull();
    });

    it("refuses a patch with a role or status that does not exist", async () => {
      const a = await create("a@example.com");
      // @ts-expect-error: the role is checked at run time too, for callers that pass request data.
      await expect(ctx.store.users.update(a.id, { role: "admin" })).rejects.toThrow();
      expect(await ctx.store.users.get(a.id)).toEqual(a);
    });

    it("keeps whether a person takes new conversations, and how many at once", async () => {
      const a = await create("a@example.com");
      expect(await ctx.store.users.update(a.id, { availability: "away", capacity: 5 })).toEqual({
        ...a,
        availability: "away",
        capacity: 5,
      });
      expect(await ctx.store.users.update(a.id, { availability: "offline" })).toMatchObject({ capacity: 5 });
      // @ts-expect-error: checked at run time too.
      await expect(ctx.store.users.update(a.id, { availability: "asleep" })).rejects.toThrow();
      await expect(ctx.store.users.update(a.id, { capacity: 0 })).rejects.toThrow();
      expect(await ctx.store.users.get(a.id)).toMatchObject({ availability: "offline", capacity: 5 });
    });

    it("replaces a password hash", async () => {
      const a = await create("a@example.com");
      expect(await ctx.store.users.setPasswordHash(a.id, "h2")).toBe(true);
      expect((await ctx.store.users.findByEmail("a@example.com"))?.passwordHash).toBe("h2");
      expect(await ctx.store.users.setPasswordHash("user-missing", "h3")).toBe(false);
    });
  });

  describe("sessions", () => {
    it("deletes every session of one user, or all but one, and leaves other users' alone", async () => {
      const expiresAt = isoFromNow(3_600_000);
      for (const [tokenHash, userId] of [
        ["h-1", "user-1"],
        ["h-2", "user-1"],
        ["h-3", "user-1"],
        ["h-4", "user-2"],
      ] as const)
        await ctx.store.sessions.create({ tokenHash, userId, expiresAt });
      expect(await ctx.store.sessions.deleteForUser("user-1", "h-2")).toBe(2);
      expect(await ctx.store.sessions.find("h-1")).toBeNull();
      expect(await ctx.store.sessions.find("h-2")).toEqual({ userId: "user-1", expiresAt });
      expect(await ctx.store.sessions.deleteForUser("user-1")).toBe(1);
      expect(await ctx.store.sessions.find("h-2")).toBeNull();
      expect(await ctx.store.sessions.find("h-4")).toEqual({ userId: "user-2", expiresAt });
    });

    it("finds a session by token hash until it is deleted", async () => {
      const expiresAt = isoFromNow(3_600_000);
      await ctx.store.sessions.create({ tokenHash: "hash-1", userId: "user-1", expiresAt });
      expect(await ctx.store.sessions.find("hash-1")).toEqual({ userId: "user-1", expiresAt });
      expect(await ctx.store.sessions.find("hash-2")).toBeNull();
      await ctx.store.sessions.delete("hash-1");
      expect(await ctx.store.sessions.find("hash-1")).toBeNull();
    });

    it("deletes an unknown session without complaint", async () => {
      await expect(ctx.store.sessions.delete("hash-missing")).resolves.toBeUndefined();
    });
  });
}
