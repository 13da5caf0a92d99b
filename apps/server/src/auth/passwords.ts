import { hash, verify } from "@node-rs/argon2";

/** Hashes a password with Argon2id (slow on purpose). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against its stored hash; false (never a throw) on any mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
