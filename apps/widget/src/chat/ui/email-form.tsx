import { useState } from "preact/hooks";
import type { Strings } from "../i18n";
import { fill } from "../i18n";
import type { ChatState } from "../state/chat-state";

/**
 * Offered when no agent took the conversation in time, or at once when the team is closed (`closed`
 * says when it is back, in the customer's own time and language): leave an email for a reply later.
 */
export function EmailForm(props: {
  value: ChatState["contact"];
  onSubmit(email: string): Promise<boolean>;
  t: Strings;
  closed?: { opensAt: string | null; language: string } | null;
}) {
  const { t, value, closed } = props;
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
      <h2 id="email-title">{closed ? t.closedTitle : t.emailTitle}</h2>
      <p>
        {!closed
          ? t.emailText
          : closed.opensAt
            ? fill(t.closedText, { when: backAt(closed.opensAt, closed.language) })
            : t.closedTextUnknown}
      </p>
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

/** "Monday 09:00" (within the week) or "Monday 28 December, 09:00", in the customer's time zone. */
function backAt(opensAt: string, language: string): string {
  const at = new Date(opensAt);
  const soon = at.getTime() - Date.now() < 6 * 24 * 3_600_000;
  return new Intl.DateTimeFormat(language, {
    weekday: "long",
    ...(soon ? {} : { day: "numeric", month: "long" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}
