import { useCallback, useEffect, useRef, useState } from "react";
import { ConsolePushes, type Conversation, type Message, type Review } from "@handoff/contracts";
import type { ConsoleSocket } from "../api/console-socket";
import { closeConversation, openConversation } from "../api/requests";

export interface ConversationView {
  conversation: Conversation | null;
  messages: Message[];
  customerTyping: boolean;
  error: string | null;
}

const TYPING_TIMEOUT_MS = 8000;

/** Adds messages once each (by server id), in sequence order. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Follows one conversation live: the transcript (with internal notes), its status, and whether the
 * customer is typing. After a reconnect it resyncs from the last sequence number it holds.
 */
export function useConversation(
  socket: ConsoleSocket | null,
  conversationId: string | null,
  onReviews: (reviews: Review[]) => void,
): ConversationView {
  const [view, setView] = useState<ConversationView>({
    conversation: null,
    messages: [],
    customerTyping: false,
    error: null,
  });
  const lastSeq = useRef(0);
  useEffect(() => {
    lastSeq.current = view.messages.at(-1)?.seq ?? 0;
  }, [view.messages]);

  const load = useCallback(
    (s: ConsoleSocket, id: string, since: number) =>
      openConversation(s, id, since).then(
        (data) => {
          onReviews(data.reviews);
          setView((v) => ({
            ...v,
            conversation: data.conversation,
            messages:
              since === 0 ? mergeMessages([], data.messages) : mergeMessages(v.messages, data.messages),
            error: null,
          }));
        },
        (err: unknown) =>
          setView((v) => ({ ...v, error: err instanceof Error ? err.message : "could not open" })),
      ),
    [onReviews],
  );

  useEffect(() => {
    setView({ conversation: null, messages: [], customerTyping: false, error: null });
    if (!socket || !conversationId) return;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;

    const onMessage = (raw: unknown) => {
      const parsed = ConsolePushes["message:new"].safeParse(raw);
      if (!parsed.success || parsed.data.conversationId !== conversationId) return;
      const message = parsed.data;
      setView((v) => ({
        ...v,
        messages: mergeMessages(v.messages, [message]),
        customerTyping: message.author === "customer" ? false : v.customerTyping,
      }));
    };
    const onConversation = (raw: unknown) => {
      const parsed = ConsolePushes["conversation:updated"].safeParse(raw);
      if (!parsed.success || parsed.data.id !== conversationId) return;
      setView((v) => ({ ...v, conversation: parsed.data }));
    };
    const onTyping = (raw: unknown) => {
      const parsed = ConsolePushes.typing.safeParse(raw);
      if (!parsed.success || parsed.data.conversationId !== conversationId) return;
      if (parsed.data.author !== "customer") return;
      clearTimeout(typingTimer);
      const typing = parsed.data.typing;
      if (typing)
        typingTimer = setTimeout(() => setView((v) => ({ ...v, customerTyping: false })), TYPING_TIMEOUT_MS);
      setView((v) => ({ ...v, customerTyping: typing }));
    };
    const onErased = (raw: unknown) => {
      const parsed = ConsolePushes["conversation:erased"].safeParse(raw);
      if (!parsed.success || parsed.data.conversationId !== conversationId) return;
      setView({
        conversation: null,
        messages: [],
        customerTyping: false,
        error: "This conversation was erased at the customer's request.",
      });
    };
    // On a reconnect the server forgot our room: open again, asking only for what we missed.
    const onReconnect = () => void load(socket, conversationId, lastSeq.current);

    socket.on("message:new", onMessage);
    socket.on("conversation:updated", onConversation);
    socket.on("typing", onTyping);
    socket.on("conversation:erased", onErased);
    socket.on("connect", onReconnect);
    void load(socket, conversationId, 0);
    return () => {
      clearTimeout(typingTimer);
      socket.off("message:new", onMessage);
      socket.off("conversation:updated", onConversation);
      socket.off("typing", onTyping);
      socket.off("conversation:erased", onErased);
      socket.off("connect", onReconnect);
      if (socket.connected) closeConversation(socket, conversationId);
    };
  }, [socket, conversationId, load]);

  return view;
}
