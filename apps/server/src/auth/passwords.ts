import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@handoff/core";

/** Hashes a password with Argon2id (slow on purpose). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against its stored hash; false (never a throw) on any mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // An account without a password stores a marker no hash function reads: nothing matches it.
    return false;
  }
}

/** The people service's password port, on Argon2id. */
export const argon2Hasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };
