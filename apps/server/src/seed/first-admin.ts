import { DomainError } from "@handoff/core";
import type { Config } from "../app/config";
import type { Platform } from "../app/create-platform";

/**
 * At start: with ADMIN_EMAIL and ADMIN_PASSWORD set (containers), makes that supervisor when the store
 * has no active supervisor yet, and leaves everything alone once one exists. Without them, an empty
 * store that will not get the demo accounts gets a hint on how to make one. Returns the email of a supervisor it created.
 */
export async function ensureFirstAdmin(
  platform: Platform,
  config: Pick<Config, "ADMIN_EMAIL" | "ADMIN_PASSWORD" | "SEED_DEMO">,
): Promise<string | null> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config;
  if (!email || !password) {
    if (!config.SEED_DEMO && (await platform.store.users.count()) === 0)
      platform.logger.warn("no accounts yet: run `npm run create-admin -- --email you@example.com`");
    return null;
  }
  try {
    return (await platform.people.createFirstAdmin({ email, password })).email;
  } catch (err) {
    // A supervisor exists already (this is not the first start): nothing to do.
    if (err instanceof DomainError && err.code === "conflict") return null;
    throw err;
  }
}
