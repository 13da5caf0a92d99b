import type { StatusTone } from "../state/status-line";
import type { Strings } from "../i18n";

/** Title, who is answering now, and the close button. */
export function ChatHeader(props: {
  title: string;
  status: { text: string; detail: string | null; tone: StatusTone };
  onClose: (() => void) | null;
  t: Strings;
}) {
  const { status, t } = props;
  return (
    <header class="header">
      <div class="header-text">
        <h1 id="chat-title">{props.title}</h1>
        <p class="status" data-tone={status.tone} data-testid="status">
          <span class="status-dot" aria-hidden="true" />
          <span class="status-text">{status.text}</span>
          {status.detail && <span class="status-detail"> · {status.detail}</span>}
        </p>
      </div>
      {props.onClose && (
        <button
          type="button"
          class="icon-button"
          aria-label={t.close}
          title={t.close}
          onClick={props.onClose}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      )}
    </header>
  );
}
