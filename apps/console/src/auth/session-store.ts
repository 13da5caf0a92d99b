import { z } from "zod";
import { User } from "@handoff/contracts";

const KEY = "handoff.console.session";

/** What the browser keeps between reloads: the bearer token and who it belongs to. */
export const StoredSession = z.object({ token: z.string().min(1), user: User, expiresAt: z.string() });
export type StoredSession = z.infer<typeof StoredSession>;

/** The session saved by the last sign-in, if it is still readable and not expired. */
export function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = StoredSession.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    if (Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
