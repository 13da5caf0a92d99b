import { randomBytes } from "node:crypto";
import type { Store } from "@handoff/core";

const SECRET_KEY = "approval-link-secret";

/**
 * The secret that signs emailed approval links, made on first use and kept in the store so links
 * survive a restart and work on every instance. Read back after writing: when two instances start
 * at once, both use whichever secret the store kept.
 */
export async function loadLinkSecret(store: Store): Promise<string> {
  const stored = await store.kv.get(SECRET_KEY);
  if (typeof stored === "string" && stored.length >= 32) return stored;
  await store.kv.set(SECRET_KEY, randomBytes(32).toString("base64url"));
  const kept = await store.kv.get(SECRET_KEY);
  if (typeof kept !== "string") throw new Error("the approval link secret could not be stored");
  return kept;
}
