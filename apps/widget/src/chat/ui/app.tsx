import { useEffect, useRef } from "preact/hooks";
import type { ChatConfig } from "../config";
import type { Strings } from "../i18n";
import type { FrameBridge } from "../bridge/frame-bridge";
import type { ChatController } from "../state/chat-controller";
import { statusLine } from "../state/status-line";
import { CHANNEL } from "../../shared/bridge-protocol";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { EmailForm } from "./email-form";
import { LiveRegion } from "./live-region";
import { MessageList } from "./message-list";
import { SatisfactionForm } from "./satisfaction-form";
import { useChatState } from "./use-chat-state";

/** The chat page: header with who is answering, transcript, forms, and the message box. */
export function App(props: {
  controller: ChatController;
  bridge: FrameBridge;
  config: ChatConfig;
  t: Strings;
  focusSignal: { subscribe(listener: () => void): () => void };
}) {
  const { controller, bridge, config, t } = props;
  const state = useChatState(controller);
  const input = useRef<HTMLTextAreaElement | null>(null);
  const status = statusLine(state.conversation, state.queue, t);
  const convStatus = state.conversation?.status ?? "bot";
  const canAskPerson =
    convStatus === "bot" || convStatus === "awaiting_approval" || convStatus === "resolved";
  const close = bridge.framed ? () => bridge.post({ channel: CHANNEL, type: "close" }) : null;

  useEffect(() => props.focusSignal.subscribe(() => input.current?.focus()), [props.focusSignal]);
  useEffect(
    () => bridge.post({ channel: CHANNEL, type: "unread", count: state.unread }),
    [bridge, state.unread],
  );

  return (
    <div
      class="chat"
      role="dialog"
      aria-labelledby="chat-title"
      onKeyDown={(event) => {
        if (event.key === "Escape" && close) close();
      }}
    >
      <ChatHeader title={config.title || t.title} status={status} onClose={close} t={t} />
      {state.connection !== "online" && (
        <p class="connection" data-connection={state.connection} role="status">
          {state.connection === "offline" ? t.offline : t.connecting}
        </p>
      )}
      <MessageList
        state={state}
        greeting={config.greeting || t.greeting}
        helpUrl={config.helpUrl}
        botName={t.assistant}
        onRate={(id, rating) => void controller.rateMessage(id, rating)}
        onAskPerson={
          canAskPerson ? (message) => void controller.requestHuman(unhelpfulReason(message.text)) : undefined
        }
        t={t}
      />
      {convStatus === "waiting_human" && state.unavailable && (
        <EmailForm
          value={state.contact}
          onSubmit={(email) => controller.leaveEmail(email)}
          t={t}
          closed={
            state.unavailable === "closed" ? { opensAt: state.opensAt, language: config.language } : null
          }
        />
      )}
      {convStatus === "resolved" && (
        <SatisfactionForm
          value={state.satisfaction}
          onRate={(score, comment) => void controller.rateConversation(score, comment)}
          t={t}
        />
      )}
      {state.notice && (
        <p class="notice" role="alert">
          {state.notice}
        </p>
      )}
      {canAskPerson && (
        <div class="actions">
          <button type="button" class="ask-person" onClick={() => void controller.requestHuman()}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0z" />
            </svg>
            {t.askPerson}
          </button>
        </div>
      )}
      <Composer
        inputRef={input}
        onSend={(text) => controller.send(text)}
        onTyping={(typing) => controller.setTyping(typing)}
        t={t}
      />
      <LiveRegion announcement={state.announcement} status={status.text} t={t} />
    </div>
  );
}

/** What the team reads as the reason for a handoff asked for under an answer rated down. */
const unhelpfulReason = (answer: string) => {
  const quoted = answer.length > 400 ? `${answer.slice(0, 399)}…` : answer;
  return `The customer rated this answer unhelpful: "${quoted}"`;
};
