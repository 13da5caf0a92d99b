import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ExclusiveRunner } from "@handoff/core";
import type { Platform } from "../app/create-platform";
import { readKbFolder } from "../knowledge/read-kb-folder";

const SEEDED = "demo-seeded";
/** The demo help center shipped with the server. */
export const DEMO_KB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../demo-kb");

/** Demo accounts created on first start, with the passwords to print (only ever shown once). */
export interface DemoAccounts {
  agent: { email: string; password: string };
  supervisor: { email: string; password: string };
}

/**
 * On first start: imports the demo help center and creates one agent and one supervisor. Instances
 * started at once on one store take turns under a store lease, so only the first seeds.
 */
export async function seedDemo(
  platform: Platform,
  passwords: { agent?: string; supervisor?: string } = {},
): Promise<DemoAccounts | null> {
  if ((await platform.store.kv.get(SEEDED)) === true) return null;
  const turns = new ExclusiveRunner({ leases: platform.store.leases, owner: "seed", ttlMs: 30_000 });
  return turns.run("seed:demo", () => seedOnce(platform, passwords));
}

async function seedOnce(
  platform: Platform,
  passwords: { agent?: string; supervisor?: string },
): Promise<DemoAccounts | null> {
  // Read again in the lease: an instance that started at the same time may have seeded meanwhile.
  if ((await platform.store.kv.get(SEEDED)) === true) return null;
  const system = { type: "system" as const, id: null, name: "seed" };
  if ((await platform.store.articles.count()) === 0) {
    await platform.knowledge.importArticles(await readKbFolder(DEMO_KB_DIR), system);
  }
  const accounts: DemoAccounts = {
    agent: {
      email: "agent@demo.local",
      password: passwords.agent ?? randomBytes(9).toString("base64url"),
    },
    supervisor: {
      email: "supervisor@demo.local",
      password: passwords.supervisor ?? randomBytes(9).toString("base64url"),
    },
  };
  if ((await platform.store.users.count()) === 0) {
    await platform.auth.createUser({ ...accounts.agent, name: "Alex Agent", role: "agent" });
    await platform.auth.createUser({ ...accounts.supervisor, name: "Sam Supervisor", role: "supervisor" });
  }
  await platform.store.kv.set(SEEDED, true);
  return accounts;
}
