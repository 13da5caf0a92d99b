import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import { fillSavedReply, type SavedReply } from "@handoff/contracts";
import { matchReplies, slashQueryAt, type SlashQuery } from "./match-replies";
import { useSavedReplies } from "./saved-replies-context";

interface Options {
  field: RefObject<HTMLTextAreaElement | null>;
  text: string;
  setText(text: string): void;
  /** Fills {{customer.name}} and {{customer.first_name}}. */
  customerName: string | null;
}

/**
 * Saved replies in a text field: typing "/" and a few letters of a shortcut or title lists the
 * matching replies under the field; arrows pick, Enter or Tab inserts the reply (its placeholders
 * filled) in place of the "/word", Escape closes the list. The field stays focused throughout.
 */
export function useReplyPicker({ field, text, setText, customerName }: Options) {
  const { replies, agentName } = useSavedReplies();
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = slash ? matchReplies(replies, slash.query) : [];
  const open = slash !== null && matches.length > 0;

  /** Looks again at the word before the caret (after typing, a click or a caret move). */
  const refresh = (el: HTMLTextAreaElement) => {
    setSlash(slashQueryAt(el.value, el.selectionStart));
    setActive(0);
  };

  const insert = (reply: SavedReply) => {
    const el = field.current;
    if (!el || !slash) return;
    const filled = fillSavedReply(reply.text, { customerName, agentName });
    const next = text.slice(0, slash.start) + filled + text.slice(el.selectionStart);
    const caret = slash.start + filled.length;
    setText(next);
    setSlash(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  /** True when the key belonged to the open list (the field's own handling must not run). */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const pick = matches[active];
    if (e.key === "ArrowDown") setActive((active + 1) % matches.length);
    else if (e.key === "ArrowUp") setActive((active - 1 + matches.length) % matches.length);
    else if ((e.key === "Enter" || e.key === "Tab") && pick && !e.ctrlKey && !e.metaKey) insert(pick);
    else if (e.key === "Escape") setSlash(null);
    else return false;
    e.preventDefault();
    // Escape closes the list, not the form around the field.
    e.stopPropagation();
    return true;
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const fieldProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": open ? listId : undefined,
    "aria-activedescendant": open ? optionId(active) : undefined,
  };

  const picker = open ? (
    <>
      <ul role="listbox" id={listId} aria-label="Saved replies" className="reply-picker">
        {matches.map((reply, i) => (
          <li
            key={reply.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "is-active" : undefined}
            // Mouse down, not click: the field keeps its focus and caret.
            onMouseDown={(e) => {
              e.preventDefault();
              insert(reply);
            }}
          >
            <span className="reply-shortcut">/{reply.shortcut}</span>
            <span className="reply-title">{reply.title}</span>
            <span className="reply-scope">{reply.scope === "team" ? "Team" : "Mine"}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {matches.length} saved {matches.length === 1 ? "reply matches" : "replies match"}: arrows to choose,
        Enter to insert.
      </p>
    </>
  ) : null;

  return { onKeyDown, refresh, fieldProps, picker };
}
