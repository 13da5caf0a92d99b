import type {
  ContactLeave,
  Conversation,
  ConversationRate,
  ConversationSnapshot,
  MessageRate,
  MessageSent,
  VisitorSession,
} from "@handoff/contracts";
import type { Identity } from "../../shared/bridge-protocol";
import type { ApiResult } from "./api-result";
import { identityRequest, requestVisitorSession } from "./visitor-session";
import { openWidgetSocket, type SocketListeners } from "./widget-socket";

/** Everything the chat does with the server, in one place (the UI never touches sockets or fetch). */
export interface ChatConnection {
  readonly session: VisitorSession;
  sendMessage(input: { clientId: string; text: string }): Promise<ApiResult<MessageSent>>;
  sync(since: number): Promise<ApiResult<ConversationSnapshot>>;
  setTyping(typing: boolean): void;
  requestHuman(reason?: string): Promise<ApiResult<{ conversation: Conversation }>>;
  rateMessage(input: MessageRate): Promise<ApiResult<null>>;
  rateConversation(input: ConversationRate): Promise<ApiResult<null>>;
  leaveContact(input: ContactLeave): Promise<ApiResult<null>>;
  identify(identity: Identity): Promise<ApiResult<VisitorSession>>;
  close(): void;
}

/** Starts (or resumes) a session and opens its socket. */
export type ChatApi = (
  session: { token?: string },
  listeners: SocketListeners,
) => Promise<ApiResult<ChatConnection>>;

/** The real API against a Handoff Desk server. */
export const serverChatApi =
  (server: string): ChatApi =>
  async (stored, listeners) => {
    const started = await requestVisitorSession(server, stored.token ? { token: stored.token } : {});
    if (!started.ok) return started;
    const session = started.data;
    const { request, send, close } = openWidgetSocket(server, session.token, listeners);
    const connection: ChatConnection = {
      session,
      sendMessage: (input) => request("message:send", input),
      sync: (since) => request("messages:sync", { since }),
      setTyping: (typing) => send("typing:set", { typing }),
      requestHuman: (reason) => request("handoff:request", reason ? { reason } : {}),
      rateMessage: (input) => request("feedback:rate", input, 5000),
      rateConversation: (input) => request("conversation:rate", input, 5000),
      leaveContact: (input) => request("contact:leave", input, 5000),
      identify: (identity) =>
        requestVisitorSession(server, { token: session.token, ...identityRequest(identity) }),
      close,
    };
    return { ok: true, data: connection };
  };
