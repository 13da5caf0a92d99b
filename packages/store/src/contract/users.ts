import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";
import { isoFromNow } from "./fixtures";

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
      expect(user).toMatchObject({ email: "grace@example.com", name: "Grace", role: "supervisor" });
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

  describe("sessions", () => {
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
