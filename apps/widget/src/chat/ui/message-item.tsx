import { messageText, type Message } from "@handoff/contracts";
import type { Strings } from "../i18n";
import type { ChatState } from "../state/chat-state";
import { LinkedText } from "./linked-text";
import { SourceLinks } from "./source-links";
import { Thumbs } from "./thumbs";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** One stored message. Text is rendered as text (Preact escapes it), never as HTML; web addresses become links. */
export function MessageItem(props: {
  message: Message;
  rating: ChatState["ratings"][string] | undefined;
  onRate(rating: "up" | "down"): void;
  onAskPerson?: () => void;
  helpUrl: string;
  botName: string;
  t: Strings;
}) {
  const { message: m, t } = props;
  if (m.author === "system") {
    return (
      <li class="msg system" data-seq={m.seq} data-author="system">
        <p class="text">{messageText(m, t.language)}</p>
      </li>
    );
  }
  const who =
    m.author === "customer" ? t.you : (m.authorName ?? (m.author === "bot" ? props.botName : t.team));
  return (
    <li class={`msg ${m.author}`} data-seq={m.seq} data-author={m.author} data-id={m.id}>
      <div class="meta">
        <span class="who">{who}</span>
        <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
      </div>
      <p class="text">
        <LinkedText text={m.text} />
      </p>
      {m.author === "bot" && <SourceLinks sources={m.sources} helpUrl={props.helpUrl} label={t.sources} />}
      {m.author === "bot" && (
        <Thumbs value={props.rating} onRate={props.onRate} onAskPerson={props.onAskPerson} t={t} />
      )}
    </li>
  );
}
