import type { Conversation, QueuePosition } from "@handoff/contracts";
import { fill, type Strings } from "../i18n";

export type StatusTone = "bot" | "pending" | "human" | "done";

/** Who is answering now, in the customer's words (the server owns the status; this only words it). */
export function statusLine(
  conversation: Pick<Conversation, "status" | "assigneeName"> | null,
  queue: QueuePosition | null,
  t: Strings,
): { text: string; detail: string | null; tone: StatusTone } {
  switch (conversation?.status ?? "bot") {
    case "awaiting_approval":
      return { text: t.statusApproval, detail: null, tone: "pending" };
    case "waiting_human":
      return {
        text: t.statusWaiting,
        detail: queue ? fill(t.queuePosition, { n: queue.position }) : null,
        tone: "pending",
      };
    case "human":
      return {
        text: conversation?.assigneeName
          ? fill(t.statusHuman, { name: conversation.assigneeName })
          : t.statusHumanUnnamed,
        detail: null,
        tone: "human",
      };
    case "resolved":
      return { text: t.statusResolved, detail: null, tone: "done" };
    default:
      return { text: t.statusBot, detail: null, tone: "bot" };
  }
}
