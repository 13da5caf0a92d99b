import { useEffect, useRef, useState } from "react";
import type { LoginResponse } from "@handoff/contracts";
import { finishSignOn } from "./sign-on";

/** Back from the identity provider: trades the one-time code for a session, once. */
export function SignOnReturn({
  code,
  onSignedIn,
}: {
  code: string;
  onSignedIn(session: LoginResponse): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const spent = useRef<string | null>(null);
  const signedIn = useRef(onSignedIn);
  useEffect(() => {
    signedIn.current = onSignedIn;
  });
  useEffect(() => {
    // The code works once: a second run of this effect (a re-render, React's strict mode) must not spend it.
    if (spent.current === code) return;
    spent.current = code;
    finishSignOn(code).then(
      (session) => signedIn.current(session),
      (err: unknown) => setError(err instanceof Error ? err.message : "Single sign-on failed."),
    );
  }, [code]);
  return (
    <main className="login">
      <div className="login-card" role="status">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">H</span> Handoff Desk
        </div>
        {error ? (
          <>
            <p className="form-error" role="alert">
              {error}
            </p>
            <a href="#/">Back to sign in</a>
          </>
        ) : (
          <p>Signing you in…</p>
        )}
      </div>
    </main>
  );
}
