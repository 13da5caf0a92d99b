import { useEffect, useRef } from "react";
import { messageText, type Message } from "@handoff/contracts";
import { clock } from "./format-time";
import { LinkedText } from "./linked-text";

const AUTHOR: Partial<Record<Message["author"], string>> = {
  customer: "Customer",
  bot: "Bot",
  agent: "Agent",
  system: "System",
};

interface Props {
  messages: Message[];
  label: string;
  live?: boolean;
}

/**
 * The conversation as the team sees it, internal notes included. Every text is rendered as text:
 * whatever a customer or the model wrote, no markup from it is ever interpreted; only web addresses
 * become links.
 */
export function Transcript({ messages, label, live = false }: Props) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [messages.length]);

  const list = (
    <ol className="transcript" aria-label={live ? undefined : label}>
      {messages.length === 0 && <li className="transcript-empty">No messages yet.</li>}
      {messages.map((m) => (
        <li
          key={m.id}
          className={`msg msg-${m.author}${m.internal ? " msg-internal" : ""}`}
          data-author={m.author}
          data-internal={m.internal || undefined}
        >
          <div className="msg-meta">
            <span className="msg-author">
              {m.internal ? "Internal note" : (AUTHOR[m.author] ?? m.author)}
              {m.authorName && m.author !== "customer" ? ` · ${m.authorName}` : ""}
            </span>
            <time dateTime={m.createdAt}>{clock(m.createdAt)}</time>
          </div>
          <p className="msg-text">
            <LinkedText text={messageText(m, "en")} />
          </p>
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="transcript-end" />
    </ol>
  );
  // A live chat is announced as a log; the role sits on a wrapper so the list stays a list.
  return live ? (
    <div role="log" aria-live="polite" aria-label={label}>
      {list}
    </div>
  ) : (
    list
  );
}
