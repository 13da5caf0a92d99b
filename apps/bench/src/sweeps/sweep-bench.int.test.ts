import { describe, expect, it } from "vitest";
import { benchSweeps } from "./sweep-bench";

// A functional check of the sweep bench on a tiny store: every due item is found and applied once, and
// the sweeps after find nothing. No timing is asserted (see the README for the figures).
describe("npm run bench:sweeps (tiny config)", () => {
  it(
    "applies every due deadline and recovers every queued message, then sweeps find nothing",
    { timeout: 60_000 },
    async () => {
      const size = await benchSweeps(30, 4, () => undefined);
      expect(size.due).toEqual({ deadlines: 2, queuedMessages: 2 });
      expect(size.deadlineSweep.applied).toBe(2);
      expect(size.recoverySweep.applied).toBe(2);
      expect(size.idleDeadlineSweep.applied).toBe(0);
      expect(size.idleRecoverySweep.applied).toBe(0);
    },
  );
});
