import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError, ExclusiveRunner, type Store } from "@handoff/core";
import { openMongoStore, openSqliteStore } from "@handoff/store";

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const stores: Array<[string, () => Promise<Store>]> = [
  ["SQLite", async () => (await openSqliteStore({ file: ":memory:" })).store],
];
const uri = process.env.MONGODB_URI;
if (uri)
  stores.push([
    "MongoDB",
    async () => (await openMongoStore({ uri, dbName: `fence_${randomUUID().slice(0, 8)}` })).store,
  ]);

/** Blocks the event loop, as a long GC pause or a frozen VM does: no lease renewal can run. */
function stall(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

describe.each(stores)("conversation leases on %s", (_name, open) => {
  it("an instance that stalled past its lease is fenced off once another took over", async () => {
    const store = await open();
    opened.push(store);
    let holds = () => {};
    const bHolds = new Promise<void>((resolve) => (holds = resolve));
    // A's renewals, late after its stall, reach the store after B's takeover. On MongoDB the renewal
    // timer's request could otherwise overtake B's acquire on another connection and extend A's
    // expired lease (a race in the test's timing, seen once in CI).
    const aLeases = {
      ...store.leases,
      renew: async (key: string, owner: string, ttlMs: number) => {
        await bHolds;
        return store.leases.renew(key, owner, ttlMs);
      },
    };
    const a = new ExclusiveRunner({ leases: aLeases, owner: "instance-a", ttlMs: 150 });
    const b = new ExclusiveRunner({ leases: store.leases, owner: "instance-b", ttlMs: 60_000 });
    let takeover: Promise<unknown> = Promise.resolve();

    const stalled = a.run("conversation:c1", async () => {
      await a.checkFence();
      stall(300);
      // B asks right after the stall: the lease has expired.
      takeover = b.run("conversation:c1", async () => {
        await b.checkFence();
        holds();
      });
      // A checks once B holds the lease (a fixed 50 ms wait raced B's acquire on a loaded machine).
      await Promise.race([bHolds, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await a.checkFence();
    });

    await expect(stalled).rejects.toSatisfy((err) => err instanceof DomainError && err.code === "conflict");
    await takeover;
  });

  it("a holder that keeps renewing passes its checks, and outside any lease the check passes", async () => {
    const store = await open();
    opened.push(store);
    const a = new ExclusiveRunner({ leases: store.leases, owner: "instance-a", ttlMs: 150 });
    await a.checkFence();
    await a.run("conversation:c2", async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await a.checkFence();
    });
  });
});
