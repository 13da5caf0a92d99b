import type { Conversation, HandoffUnavailable, Message, QueuePosition } from "@handoff/contracts";
import type { ConnectionState } from "../api/widget-socket";
import type { OutboxItem } from "./transcript";

export type SaveState = "saving" | "saved" | "failed";

/** Everything the chat UI renders; changed only by the chat controller. */
export interface ChatState {
  connection: ConnectionState;
  conversation: Conversation | null;
  /** Stored messages: unique by id and seq, in order. */
  messages: Message[];
  /** Typed messages the server has not stored yet. */
  outbox: OutboxItem[];
  /** The outbox item being sent right now (the others wait their turn). */
  sending: string | null;
  /** The other side is typing (a teammate's typing event, or the bot working on an answer). */
  typing: { author: "agent" | "bot"; name: string | null } | null;
  queue: QueuePosition | null;
  /** No agent took the handoff in time: offer to leave an email. */
  unavailable: HandoffUnavailable["reason"] | null;
  /** When a closed team is back (with `unavailable: "closed"`), if it ever is. */
  opensAt: string | null;
  ratings: Record<string, { rating: "up" | "down"; state: SaveState }>;
  satisfaction: { score: number; state: SaveState } | null;
  contact: { email: string; state: SaveState } | null;
  /** The newest message from the team or the bot, announced to screen readers (a notice in their language). */
  announcement: {
    id: string;
    author: string;
    message: Pick<Message, "text" | "notice" | "createdAt">;
  } | null;
  /** Messages from the team or the bot that arrived while the chat was closed. */
  unread: number;
  notice: string | null;
}

export const initialState = (outbox: OutboxItem[]): ChatState => ({
  connection: "connecting",
  conversation: null,
  messages: [],
  outbox,
  sending: null,
  typing: null,
  queue: null,
  unavailable: null,
  opensAt: null,
  ratings: {},
  satisfaction: null,
  contact: null,
  announcement: null,
  unread: 0,
  notice: null,
});
