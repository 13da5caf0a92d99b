import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigSchema } from "../app/config";
import { createPlatform, type Platform } from "../app/create-platform";
import { storeVariants } from "../testing";
import { seedDemo } from "./seed-demo";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

describe.each(storeVariants("seed"))("first start on $name", ({ reopenable }) => {
  it("two instances starting at once on one store seed the demo once", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-seed-"));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = ConfigSchema.parse({
      DATA_DIR: dataDir,
      DATABASE_FILE: path.join(dataDir, "handoff.db"),
      LOG_LEVEL: "silent",
      GRAPH_WORKER: "off",
    });
    const open = reopenable();
    const instances: Platform[] = [];
    for (let i = 0; i < 2; i++) {
      const platform = await createPlatform(config, await open());
      cleanup.push(() => platform.close());
      instances.push(platform);
    }

    const seeded = await Promise.all(instances.map((p) => seedDemo(p, { agent: "agent-password-1" })));

    expect(seeded.filter((accounts) => accounts !== null)).toHaveLength(1);
    const [first] = instances;
    expect(await first?.store.users.count()).toBe(2);
    expect(await first?.auth.login("agent@demo.local", "agent-password-1")).toBeTruthy();
  });
});
