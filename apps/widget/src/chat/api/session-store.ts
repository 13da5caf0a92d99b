import { VisitorSession } from "@handoff/contracts";

/** A small key-value store: localStorage, or memory when the browser refuses storage to this frame. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function browserStore(): KeyValueStore {
  const memory = new Map<string, string>();
  const local = (): Storage | null => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  };
  return {
    get: (key) => {
      try {
        return local()?.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set: (key, value) => {
      memory.set(key, value);
      try {
        local()?.setItem(key, value);
      } catch {
        // storage full or blocked: memory keeps it for this page
      }
    },
    remove: (key) => {
      memory.delete(key);
      try {
        local()?.removeItem(key);
      } catch {
        // nothing to remove
      }
    },
  };
}

const SESSION_KEY = "handoff-desk:session";

/** The visitor token (and its conversation), kept so a reload or another page resumes the chat. */
export function loadSession(store: KeyValueStore): VisitorSession | null {
  const raw = store.get(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed = VisitorSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const saveSession = (store: KeyValueStore, session: VisitorSession) =>
  store.set(SESSION_KEY, JSON.stringify(session));

export const forgetSession = (store: KeyValueStore) => store.remove(SESSION_KEY);
