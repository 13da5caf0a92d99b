import { useEffect, useState, type FormEvent } from "react";
import type { AccessLinkPreview, LoginResponse } from "@handoff/contracts";
import { acceptLink, inspectLink } from "../api/people-api";
import { FormError } from "../components/form-error";
import { dateTime } from "../components/format-time";
import { PasswordField } from "../components/password-field";

interface Props {
  kind: "invite" | "reset";
  token: string;
  onSignedIn(session: LoginResponse): void;
}

/**
 * Where an invitation or password-reset link lands: who it is for, then a name and a password (or
 * just the new password), and the person is signed in.
 */
export function AccessLinkPage({ kind, token, onSignedIn }: Props) {
  const [link, setLink] = useState<AccessLinkPreview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    inspectLink(token).then(
      (found) => {
        if (!current) return;
        setLink(found);
        setName(found.name ?? "");
      },
      (err: unknown) => current && setFailed(err instanceof Error ? err.message : "this link does not work"),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError("The two passwords are not the same.");
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await acceptLink(token, password, kind === "invite" ? name : undefined));
    } catch (err) {
      setError(err instanceof Error ? err.message : "That did not work.");
      setBusy(false);
    }
  };

  const title = kind === "invite" ? "Join the support team" : "Choose a new password";
  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="access-title">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">H</span> Handoff Desk
        </div>
        <h1 id="access-title">{title}</h1>
        {failed && (
          <>
            <p className="form-error" role="alert">
              This link has expired or was already used. Ask a supervisor for a new one.
            </p>
            <a href="#/">Go to sign in</a>
          </>
        )}
        {!link && !failed && <p className="muted">Checking the link…</p>}
        {link && (
          <>
            <p className="muted">
              {kind === "invite"
                ? `${link.email} is invited as ${link.role === "supervisor" ? "a supervisor" : "an agent"}.`
                : `For ${link.email}.`}{" "}
              The link works once, until {dateTime(link.expiresAt)}.
            </p>
            {kind === "invite" && (
              <label>
                Your name
                <input
                  type="text"
                  name="name"
                  autoComplete="name"
                  required
                  maxLength={100}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </label>
            )}
            <PasswordField
              label={kind === "invite" ? "Password" : "New password"}
              value={password}
              onChange={setPassword}
              fresh
            />
            <PasswordField label="Repeat the password" value={repeat} onChange={setRepeat} fresh />
            <p className="hint">At least 10 characters.</p>
            <FormError message={error} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {kind === "invite" ? "Join and sign in" : "Save and sign in"}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
