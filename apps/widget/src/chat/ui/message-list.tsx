import { useEffect, useRef } from "preact/hooks";
import type { Message } from "@handoff/contracts";
import type { Strings } from "../i18n";
import type { ChatState } from "../state/chat-state";
import { fill } from "../i18n";
import { MessageItem } from "./message-item";

/** The transcript: greeting, stored messages, then what is still waiting to be sent, then typing. */
export function MessageList(props: {
  state: ChatState;
  greeting: string;
  helpUrl: string;
  botName: string;
  onRate(messageId: string, rating: "up" | "down"): void;
  /** Offered under an answer rated down; absent while a person has (or is joining) the chat. */
  onAskPerson?: (message: Message) => void;
  t: Strings;
}) {
  const { state, t } = props;
  const end = useRef<HTMLDivElement>(null);
  const count = state.messages.length + state.outbox.length;
  useEffect(() => {
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    end.current?.scrollIntoView({ block: "end", behavior: reduce ? "auto" : "smooth" });
  }, [count, state.typing]);

  const typingText = state.typing
    ? state.typing.author === "bot"
      ? t.typingBot
      : fill(t.typing, { name: state.typing.name ?? t.team })
    : null;

  return (
    // A log for structure (scrollable with the keyboard); announcements come from the live region.
    <div class="transcript" role="log" aria-live="off" tabIndex={0} aria-label={t.title}>
      <ol class="messages">
        <li class="msg bot greeting" data-author="greeting">
          <div class="meta">
            <span class="who">{props.botName}</span>
          </div>
          <p class="text">{props.greeting}</p>
        </li>
        {state.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            rating={state.ratings[message.id]}
            onRate={(rating) => props.onRate(message.id, rating)}
            onAskPerson={props.onAskPerson && (() => props.onAskPerson?.(message))}
            helpUrl={props.helpUrl}
            botName={props.botName}
            t={t}
          />
        ))}
        {state.outbox.map((item) => (
          <li key={item.clientId} class="msg customer pending" data-author="customer" data-pending="true">
            <div class="meta">
              <span class="who">{t.you}</span>
              <span class="pending-state">{state.sending === item.clientId ? t.sending : t.queued}</span>
            </div>
            <p class="text">{item.text}</p>
          </li>
        ))}
      </ol>
      {typingText && (
        <p class="typing" data-typing={state.typing?.author}>
          <span class="dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {typingText}
        </p>
      )}
      <div ref={end} />
    </div>
  );
}
