import { useState } from "preact/hooks";
import type { Strings } from "../i18n";
import { fill } from "../i18n";
import type { ChatState } from "../state/chat-state";

/** A 1-5 rating (radio buttons, so arrow keys work) offered once the conversation is resolved. */
export function SatisfactionForm(props: {
  value: ChatState["satisfaction"];
  onRate(score: number, comment: string): void;
  t: Strings;
}) {
  const { t, value } = props;
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  if (value?.state === "saved")
    return (
      <p class="panel-note" role="status">
        {t.rateThanks}
      </p>
    );
  return (
    <form
      class="panel-form"
      aria-labelledby="rate-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (score) props.onRate(score, comment);
      }}
    >
      <fieldset>
        <legend id="rate-title">{t.rateTitle}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n <= score ? "star on" : "star"}>
              <input
                type="radio"
                name="score"
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
                aria-label={fill(t.rateStar, { n })}
              />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t.rateComment}</span>
        <input
          type="text"
          value={comment}
          maxLength={1000}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={!score || value?.state === "saving"}>
        {t.rateSubmit}
      </button>
      {value?.state === "failed" && (
        <p class="form-error" role="alert">
          {t.saveFailed}
        </p>
      )}
    </form>
  );
}
