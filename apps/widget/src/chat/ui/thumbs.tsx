import type { Strings } from "../i18n";
import type { SaveState } from "../state/chat-state";

/** Thumbs up/down on one bot answer; a thumbs-down offers a person when one can be asked for. */
export function Thumbs(props: {
  value: { rating: "up" | "down"; state: SaveState } | undefined;
  onRate(rating: "up" | "down"): void;
  /** Hands the chat to a person (absent while a person already has it). */
  onAskPerson?: () => void;
  t: Strings;
}) {
  const { value, t } = props;
  return (
    <div class="thumbs" role="group" aria-label={t.helpful}>
      {(["up", "down"] as const).map((rating) => (
        <button
          key={rating}
          type="button"
          class="thumb"
          aria-pressed={value?.rating === rating}
          aria-label={rating === "up" ? t.thumbsUp : t.thumbsDown}
          title={rating === "up" ? t.thumbsUp : t.thumbsDown}
          onClick={() => props.onRate(rating)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" class={rating === "down" ? "flip" : undefined}>
            <path d="M7 10v11H3V10h4zm2 11h8.3a2 2 0 0 0 2-1.6l1.3-7A2 2 0 0 0 18.6 10H14l.8-4.2a1.6 1.6 0 0 0-3-1L9 10v11z" />
          </svg>
        </button>
      ))}
      {value?.state === "saved" && <span class="thumb-note">{t.thanksFeedback}</span>}
      {value?.state === "failed" && <span class="thumb-note">{t.feedbackFailed}</span>}
      {value?.rating === "down" && props.onAskPerson && (
        <p class="thumb-offer">
          {t.notHelpful}{" "}
          <button type="button" class="ask-person" onClick={props.onAskPerson}>
            {t.askPerson}
          </button>
        </p>
      )}
    </div>
  );
}
