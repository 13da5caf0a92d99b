import { describe, expect, it } from "vitest";
import type { StoreContext } from "./context";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** LeaseRepo: one owner at a time per key, across every instance on the store. */
export function describeLeases(ctx: StoreContext): void {
  describe("leases", () => {
    it("a lease held by one instance is refused to another until it is released", async () => {
      const leases = ctx.store.leases;
      expect(await leases.acquire("conversation:c1", "instance-a", 60_000)).toBe(true);
      expect(await leases.acquire("conversation:c1", "instance-b", 60_000)).toBe(false);
      expect(await leases.acquire("conversation:c2", "instance-b", 60_000)).toBe(true);
      await leases.release("conversation:c1", "instance-b");
      expect(await leases.acquire("conversation:c1", "instance-b", 60_000)).toBe(false);
      await leases.release("conversation:c1", "instance-a");
      expect(await leases.acquire("conversation:c1", "instance-b", 60_000)).toBe(true);
    });

    it("the owner renews its lease, and a lease its owner stopped renewing expires", async () => {
      const leases = ctx.store.leases;
      expect(await leases.acquire("deadlines", "instance-a", 150)).toBe(true);
      expect(await leases.acquire("deadlines", "instance-a", 150)).toBe(true);
      expect(await leases.acquire("deadlines", "instance-b", 150)).toBe(false);
      await pause(250);
      expect(await leases.acquire("deadlines", "instance-b", 60_000)).toBe(true);
      expect(await leases.acquire("deadlines", "instance-a", 60_000)).toBe(false);
    });

    it("a holder that stalled past its lease no longer holds it once another took over", async () => {
      const leases = ctx.store.leases;
      expect(await leases.acquire("conversation:c3", "a#1", 150)).toBe(true);
      expect(await leases.holds("conversation:c3", "a#1")).toBe(true);
      expect(await leases.holds("conversation:c3", "b#1")).toBe(false);
      await pause(250);
      expect(await leases.acquire("conversation:c3", "b#1", 60_000)).toBe(true);
      expect(await leases.holds("conversation:c3", "a#1")).toBe(false);
      expect(await leases.holds("conversation:c3", "b#1")).toBe(true);
      expect(await leases.renew("conversation:c3", "a#1", 60_000)).toBe(false);
      expect(await leases.renew("conversation:c3", "b#1", 60_000)).toBe(true);
      await leases.release("conversation:c3", "b#1");
      expect(await leases.holds("conversation:c3", "b#1")).toBe(false);
      // Renewal never takes a free key: the stalled holder cannot slip back in after the takeover.
      expect(await leases.renew("conversation:c3", "a#1", 60_000)).toBe(false);
      expect(await leases.holds("conversation:c3", "a#1")).toBe(false);
    });
  });
}
