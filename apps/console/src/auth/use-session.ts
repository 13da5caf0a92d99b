import { useCallback, useEffect, useState } from "react";
import type { LoginResponse } from "@handoff/contracts";
import { HttpError, currentUser, signIn, signOut } from "../api/http";
import { clearSession, loadSession, saveSession, type StoredSession } from "./session-store";

/** The signed-in agent: restored from storage on reload, checked with the server, and ended on sign out. */
export function useSession() {
  const [session, setSession] = useState<StoredSession | null>(() => loadSession());

  // A stored token may have been revoked or expired server-side: ask once who it belongs to.
  const storedToken = session?.token;
  useEffect(() => {
    if (!storedToken) return;
    let cancelled = false;
    currentUser(storedToken).then(
      (user) => {
        if (cancelled) return;
        setSession((s) => (s && s.token === storedToken ? { ...s, user } : s));
      },
      (error: unknown) => {
        if (cancelled || !(error instanceof HttpError) || error.status !== 401) return;
        clearSession();
        setSession(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [storedToken]);

  const login = useCallback(async (email: string, password: string) => {
    const result = await signIn(email, password);
    saveSession(result);
    setSession(result);
  }, []);

  const logout = useCallback(async () => {
    const token = session?.token;
    clearSession();
    setSession(null);
    if (token) await signOut(token).catch(() => undefined);
  }, [session?.token]);

  /** The server refused the token (expired or revoked): back to the sign-in page. */
  const expire = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  /** A session started elsewhere: a one-time link or single sign-on. */
  const adopt = useCallback((result: LoginResponse) => {
    saveSession(result);
    setSession(result);
  }, []);

  /**
   * Asks the server who the token belongs to now (after it cut the live connection: a role may have
   * changed); a refused token signs out.
   */
  const refresh = useCallback(() => {
    if (!storedToken) return;
    currentUser(storedToken).then(
      (user) =>
        setSession((s) => {
          if (!s || s.token !== storedToken) return s;
          const next = { ...s, user };
          saveSession(next);
          return next;
        }),
      (error: unknown) => {
        if (!(error instanceof HttpError) || error.status !== 401) return;
        clearSession();
        setSession(null);
      },
    );
  }, [storedToken]);

  /** The signed-in user's own name changed. */
  const renamed = useCallback((name: string) => {
    setSession((s) => {
      if (!s) return s;
      const next = { ...s, user: { ...s.user, name } };
      saveSession(next);
      return next;
    });
  }, []);

  return { session, login, logout, expire, adopt, refresh, renamed };
}
