import { messageText } from "@handoff/contracts";
import type { Strings } from "../i18n";
import { fill } from "../i18n";
import type { ChatState } from "../state/chat-state";

/** Screen readers hear each new message from the bot or the team (and status changes) once. */
export function LiveRegion(props: { announcement: ChatState["announcement"]; status: string; t: Strings }) {
  const a = props.announcement;
  return (
    <>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {a
          ? fill(props.t.newMessage, {
              name: a.author === "bot" ? props.t.assistant : a.author,
              text: messageText(a.message, props.t.language),
            })
          : ""}
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {props.status}
      </div>
    </>
  );
}
