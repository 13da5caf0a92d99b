import { useEffect, useState, type FormEvent } from "react";
import type { SignInProviders } from "@handoff/contracts";
import { HttpError } from "../api/http";
import { signInProviders } from "../api/people-api";
import { beginSignOn } from "./sign-on";

interface Props {
  onLogin(email: string, password: string): Promise<void>;
  /** Why the last single sign-on did not work, shown above the form. */
  signOnError?: string | null;
}

/** Sign in with a console account (agents and supervisors). */
export function LoginPage({ onLogin, signOnError = null }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(signOnError);
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<SignInProviders | null>(null);

  useEffect(() => {
    // Without an answer the page still offers the password form.
    signInProviders().then(setProviders, () => setProviders(null));
  }, []);

  const signOn = async () => {
    setBusy(true);
    setError(null);
    try {
      await beginSignOn();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Single sign-on is not available.");
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(email, password);
    } catch (err) {
      setError(
        err instanceof HttpError && err.status === 401
          ? "That email and password do not match an account."
          : err instanceof Error
            ? err.message
            : "Sign-in failed.",
      );
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">H</span> Handoff Desk
        </div>
        <h1 id="login-title">Sign in to the console</h1>
        <label>
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        {providers?.oidc && (
          <button type="button" className="btn" disabled={busy} onClick={() => void signOn()}>
            Sign in with {providers.oidc.label}
          </button>
        )}
      </form>
    </main>
  );
}
