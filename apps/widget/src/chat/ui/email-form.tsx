import { useState } from "preact/hooks";
import type { Strings } from "../i18n";
import { fill } from "../i18n";
import type { ChatState } from "../state/chat-state";

/** Offered when no agent took the conversation in time: leave an email for a reply later. */
export function EmailForm(props: {
  value: ChatState["contact"];
  onSubmit(email: string): Promise<boolean>;
  t: Strings;
}) {
  const { t, value } = props;
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState(false);
  if (value?.state === "saved")
    return (
      <p class="panel-note" role="status">
        {fill(t.emailThanks, { email: value.email })}
      </p>
    );
  return (
    <form
      class="panel-form"
      aria-labelledby="email-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setInvalid(!(await props.onSubmit(email)));
      }}
    >
      <h2 id="email-title">{t.emailTitle}</h2>
      <p>{t.emailText}</p>
      <label class="field">
        <span>{t.emailLabel}</span>
        <input
          type="email"
          autocomplete="email"
          required
          value={email}
          aria-invalid={invalid}
          aria-describedby={invalid ? "email-error" : undefined}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={value?.state === "saving"}>
        {t.emailSubmit}
      </button>
      {invalid && (
        <p id="email-error" class="form-error" role="alert">
          {t.emailInvalid}
        </p>
      )}
      {value?.state === "failed" && (
        <p class="form-error" role="alert">
          {t.saveFailed}
        </p>
      )}
    </form>
  );
}
