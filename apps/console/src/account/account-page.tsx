import { useState, type FormEvent } from "react";
import type { User } from "@handoff/contracts";
import { changePassword, updateProfile } from "../api/people-api";
import type { RestClient } from "../api/rest-client";
import { FormError } from "../components/form-error";
import { PasswordField } from "../components/password-field";
import { Section } from "../components/section";
import { useAction } from "../hooks/use-action";
import { AvailabilityForm } from "../assignment/availability-form";
import { ApprovalsForm } from "./approvals-form";
import "./account.css";

interface Props {
  client: RestClient;
  user: User;
  onRenamed(name: string): void;
}

/**
 * Everyone's own account: whether they take new conversations and how many, how approvals reach them
 * outside the console (email, Slack), the name others see, and the password (other sessions end when
 * it changes).
 */
export function AccountPage({ client, user, onRenamed }: Props) {
  const [name, setName] = useState(user.name);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const rename = useAction();
  const password = useAction();

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const saved = await rename.run(() => updateProfile(client, name));
    if (saved) {
      onRenamed(saved.name);
      setDone("Your name is saved.");
    }
  };
  const savePassword = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const saved = await password.run(async () => {
      await changePassword(client, current, next);
      return true;
    });
    if (saved) {
      setCurrent("");
      setNext("");
      setDone("Your password is changed. Your other sessions were signed out.");
    }
  };

  return (
    <div className="desk-page account-page">
      <header className="page-header">
        <h1>Your account</h1>
        <p className="muted">
          {user.email}, {user.role === "supervisor" ? "supervisor" : "agent"}
        </p>
      </header>
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <Section title="Availability">
        <AvailabilityForm client={client} />
      </Section>
      <Section title="Approvals outside the console">
        <ApprovalsForm client={client} />
      </Section>
      <Section title="Name">
        <form className="account-form" onSubmit={saveName}>
          <label className="field">
            The name colleagues and customers see
            <input
              type="text"
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <FormError message={rename.error} />
          <button type="submit" className="btn btn-primary" disabled={rename.busy}>
            Save name
          </button>
        </form>
      </Section>
      <Section title="Password">
        <form className="account-form" onSubmit={savePassword}>
          <PasswordField className="field" label="Current password" value={current} onChange={setCurrent} />
          <PasswordField
            className="field"
            label="New password (at least 10 characters)"
            value={next}
            onChange={setNext}
            fresh
          />
          <FormError message={password.error} />
          <button type="submit" className="btn btn-primary" disabled={password.busy}>
            Change password
          </button>
        </form>
      </Section>
    </div>
  );
}
