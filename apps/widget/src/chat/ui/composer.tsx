import { useState } from "preact/hooks";
import type { Strings } from "../i18n";

/** The message box: Enter sends, Shift+Enter adds a line. */
export function Composer(props: {
  onSend(text: string): { ok: true } | { ok: false; reason: string };
  onTyping(typing: boolean): void;
  inputRef: { current: HTMLTextAreaElement | null };
  t: Strings;
}) {
  const { t } = props;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!text.trim()) return;
    const result = props.onSend(text);
    if (result.ok) {
      setText("");
      setError(null);
    } else setError(text.length > 4000 ? t.tooLong : result.reason);
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="visually-hidden" for="composer-input">
        {t.placeholder}
      </label>
      <textarea
        id="composer-input"
        ref={props.inputRef}
        rows={1}
        value={text}
        maxLength={4000}
        placeholder={t.placeholder}
        aria-describedby={error ? "composer-error" : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value);
          props.onTyping(event.currentTarget.value.length > 0);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="send" aria-label={t.send} title={t.send} disabled={!text.trim()}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
        </svg>
      </button>
      {error && (
        <p id="composer-error" class="composer-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
