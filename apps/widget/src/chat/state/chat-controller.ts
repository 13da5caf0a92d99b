import type { Conversation, Message, TypingEvent } from "@handoff/contracts";
import { ContactLeave, MessageText } from "@handoff/contracts";
import type { Identity } from "../../shared/bridge-protocol";
import type { ChatApi, ChatConnection } from "../api/chat-api";
import { forgetSession, loadSession, saveSession, type KeyValueStore } from "../api/session-store";
import type { SocketListeners } from "../api/widget-socket";
import { initialState, type ChatState } from "./chat-state";
import { persisted } from "./persisted";
import { lastSeq, mergeMessages, settleOutbox, type OutboxItem } from "./transcript";

/** Timings the controller uses (shorter in tests). */
export interface ChatTimings {
  /** Offer the email form when nobody took the handoff after this long (the server may say so sooner). */
  unavailableAfterMs: number;
  /** A typing indicator without news for this long is cleared. */
  typingExpiryMs: number;
  /** Stop showing "the assistant is writing" if no answer came in this long. */
  botThinkingMs: number;
  /** Retry starting a session (server unreachable) after this long. */
  retryMs: number;
}

const DEFAULT_TIMINGS: ChatTimings = {
  unavailableAfterMs: 180_000,
  typingExpiryMs: 8_000,
  botThinkingMs: 30_000,
  retryMs: 3_000,
};

const isOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

const newClientId = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * The chat's behaviour, free of any UI: session, resync, the outbox that sends every typed message
 * exactly once (also across reloads and network drops), typing, ratings and the email form.
 */
export class ChatController {
  private state: ChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly saved;
  private readonly timings: ChatTimings;
  private connection: ChatConnection | null = null;
  private flushing = false;
  private flushAgain = false;
  private visible = false;
  private synced = false;
  private pendingIdentity: Identity | null = null;
  private typingSentAt = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly api: ChatApi,
    private readonly store: KeyValueStore,
    timings: Partial<ChatTimings> = {},
  ) {
    this.saved = persisted(store);
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.state = initialState(this.saved.outbox());
  }

  getState = (): ChatState => this.state;

  subscribe = (listener: (state: ChatState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<ChatState> | ((state: ChatState) => Partial<ChatState>)): void {
    const next = typeof patch === "function" ? patch(this.state) : patch;
    this.state = { ...this.state, ...next };
    if ("outbox" in next) this.saved.saveOutbox(this.state.outbox);
    for (const listener of this.listeners) listener(this.state);
  }

  private later(name: string, ms: number, run: () => void): void {
    this.cancel(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  private cancel(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }

  /** Starts or resumes the visitor's session (the token is kept in the browser) and connects. */
  async start(): Promise<void> {
    const stored = loadSession(this.store);
    const opened = await this.api(stored ? { token: stored.token } : {}, this.socketListeners());
    if (this.stopped) {
      if (opened.ok) opened.data.close();
      return;
    }
    if (!opened.ok) {
      this.update({ connection: isOffline() ? "offline" : "connecting" });
      this.later("start", this.timings.retryMs, () => void this.start());
      return;
    }
    const connection = opened.data;
    if (stored && stored.conversationId !== connection.session.conversationId) this.update({ messages: [] });
    saveSession(this.store, connection.session);
    this.connection = connection;
    if (this.pendingIdentity) void this.identify(this.pendingIdentity);
  }

  stop(): void {
    this.stopped = true;
    for (const name of [...this.timers.keys()]) this.cancel(name);
    this.connection?.close();
  }

  private socketListeners(): SocketListeners {
    return {
      message: (message) => this.receive([message], true),
      conversation: (conversation) => this.setConversation(conversation),
      typing: (event) => this.onTyping(event),
      queue: (queue) => {
        if (queue.conversationId === this.state.conversation?.id) this.update({ queue });
      },
      unavailable: (event) => {
        if (event.conversationId === this.state.conversation?.id)
          this.update({ unavailable: event.reason, opensAt: event.opensAt ?? null });
      },
      connection: (connection) => this.update({ connection }),
      connected: () => void this.resync(),
      unauthorized: () => {
        // The stored token is no longer valid: start a new conversation rather than fail forever.
        forgetSession(this.store);
        this.connection?.close();
        this.connection = null;
        this.update({ messages: [], conversation: null });
        void this.start();
      },
    };
  }

  /** After every (re)connect: fetch what happened since the last message held, then send what waited. */
  private async resync(): Promise<void> {
    const connection = this.connection ?? (await this.waitForConnection());
    const snapshot = await connection.sync(lastSeq(this.state.messages));
    if (snapshot.ok) {
      this.setConversation(snapshot.data.conversation);
      this.receive(snapshot.data.messages, this.synced);
      this.synced = true;
    }
    await this.flush();
  }

  /** The socket can connect a moment before start() has stored the connection object. */
  private waitForConnection(): Promise<ChatConnection> {
    return new Promise((resolve) => {
      const check = () => (this.connection ? resolve(this.connection) : setTimeout(check, 10));
      check();
    });
  }

  private receive(incoming: Message[], live: boolean): void {
    const conversationId = this.state.conversation?.id ?? this.connection?.session.conversationId;
    const mine = incoming.filter((m) => !conversationId || m.conversationId === conversationId);
    const messages = mergeMessages(this.state.messages, mine);
    const added = messages.filter((m) => !this.state.messages.some((old) => old.id === m.id));
    if (added.length === 0) return;
    const fromTeam = added.filter((m) => m.author !== "customer");
    const newest = fromTeam[fromTeam.length - 1];
    const ratings = this.saved.ratings();
    this.update((s) => ({
      messages,
      outbox: settleOutbox(s.outbox, messages),
      typing: fromTeam.length ? null : s.typing,
      ratings: Object.fromEntries(
        messages.flatMap((m): Array<[string, ChatState["ratings"][string]]> => {
          const kept = s.ratings[m.id];
          if (kept) return [[m.id, kept]];
          const rating = ratings[m.id];
          return rating ? [[m.id, { rating, state: "saved" }]] : [];
        }),
      ),
      ...(live && newest
        ? {
            announcement: { id: newest.id, author: newest.authorName ?? newest.author, message: newest },
            unread: this.visible ? 0 : s.unread + fromTeam.length,
          }
        : {}),
    }));
  }

  private setConversation(conversation: Conversation): void {
    const previous = this.state.conversation;
    if (previous && previous.id !== conversation.id) return;
    if (previous && previous.updatedAt > conversation.updatedAt && previous.lastSeq > conversation.lastSeq)
      return; // an older snapshot arriving after a newer push
    const score = this.saved.satisfaction(conversation.id);
    this.update((s) => ({
      conversation,
      queue: conversation.status === "waiting_human" ? s.queue : null,
      unavailable: conversation.status === "waiting_human" ? s.unavailable : null,
      typing: conversation.status === "bot" || s.typing?.author !== "bot" ? s.typing : null,
      satisfaction: s.satisfaction ?? (score ? { score, state: "saved" } : null),
    }));
    if (conversation.status === "waiting_human") {
      if (previous?.status !== "waiting_human")
        this.later("unavailable", this.timings.unavailableAfterMs, () =>
          this.update((s) => ({ unavailable: s.unavailable ?? "timeout" })),
        );
    } else this.cancel("unavailable");
  }

  private onTyping(event: TypingEvent): void {
    if (event.author === "customer" || event.conversationId !== this.state.conversation?.id) return;
    if (!event.typing) {
      this.cancel("typing");
      this.update({ typing: null });
      return;
    }
    this.update({ typing: { author: event.author, name: event.name } });
    this.later("typing", this.timings.typingExpiryMs, () => this.update({ typing: null }));
  }

  /** The customer sends a message: it goes to the outbox first, so it survives a drop or a reload. */
  send(text: string): { ok: true } | { ok: false; reason: string } {
    const parsed = MessageText.safeParse(text);
    if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "invalid" };
    const item: OutboxItem = {
      clientId: newClientId(),
      text: parsed.data,
      createdAt: new Date().toISOString(),
    };
    this.update((s) => ({ outbox: [...s.outbox, item], notice: null }));
    this.setTyping(false);
    void this.flush();
    return { ok: true };
  }

  /** Sends the outbox in order, one at a time; stops at the first failure and resumes on reconnect. */
  private async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        for (;;) {
          const connection = this.connection;
          const item = this.state.outbox[0];
          if (!connection || !item || this.state.connection !== "online") break;
          this.update({ sending: item.clientId });
          const result = await connection.sendMessage({ clientId: item.clientId, text: item.text });
          if (result.ok) {
            this.receive([result.data.message], false);
            if (!result.data.duplicate) this.expectBot(result.data.message.seq);
          } else if (result.error.code === "bad_request") {
            this.update((s) => ({
              outbox: s.outbox.filter((i) => i.clientId !== item.clientId),
              notice: result.error.message,
            }));
          } else if (result.error.code === "rate_limited") {
            // Kept in the outbox and sent once the server accepts messages again.
            this.update({ notice: result.error.message });
            this.later("rate-limited", this.timings.retryMs * 2, () => void this.flush());
            break;
          } else break;
        }
      } while (this.flushAgain);
    } finally {
      this.flushing = false;
      this.update({ sending: null });
    }
  }

  /** While the bot owns the chat, show that it is working on an answer until one arrives. */
  private expectBot(afterSeq: number): void {
    if ((this.state.conversation?.status ?? "bot") !== "bot") return;
    if (this.state.messages.some((m) => m.seq > afterSeq && m.author !== "customer")) return; // already answered
    this.update({ typing: { author: "bot", name: null } });
    this.later("typing", this.timings.botThinkingMs, () => this.update({ typing: null }));
  }

  /** The customer is (or stops) typing; sent at most every few seconds. */
  setTyping(typing: boolean): void {
    if (!this.connection) return;
    const now = Date.now();
    if (typing) {
      if (now - this.typingSentAt > 2500) {
        this.typingSentAt = now;
        this.connection.setTyping(true);
      }
      this.later("own-typing", 3000, () => this.setTyping(false));
    } else if (this.typingSentAt) {
      this.typingSentAt = 0;
      this.cancel("own-typing");
      this.connection.setTyping(false);
    }
  }

  /** Hands the chat to a person; `reason` tells the team why (e.g. an answer the customer rated down). */
  async requestHuman(reason?: string): Promise<void> {
    const result = await this.connection?.requestHuman(reason);
    if (!result) return;
    if (result.ok) this.setConversation(result.data.conversation);
    else this.update({ notice: result.error.message });
  }

  async rateMessage(messageId: string, rating: "up" | "down"): Promise<void> {
    this.update((s) => ({ ratings: { ...s.ratings, [messageId]: { rating, state: "saving" } } }));
    const result = await this.connection?.rateMessage({ messageId, rating });
    const ok = result?.ok === true;
    if (ok) this.saved.saveRatings({ ...this.saved.ratings(), [messageId]: rating });
    this.update((s) => ({
      ratings: { ...s.ratings, [messageId]: { rating, state: ok ? "saved" : "failed" } },
    }));
  }

  async rateConversation(score: number, comment: string): Promise<void> {
    const conversationId = this.state.conversation?.id;
    if (!conversationId) return;
    this.update({ satisfaction: { score, state: "saving" } });
    const result = await this.connection?.rateConversation({
      score,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    const ok = result?.ok === true;
    if (ok) this.saved.saveSatisfaction(conversationId, score);
    this.update({ satisfaction: { score, state: ok ? "saved" : "failed" } });
  }

  async leaveEmail(email: string): Promise<boolean> {
    const parsed = ContactLeave.safeParse({ email });
    if (!parsed.success) return false;
    this.update({ contact: { email: parsed.data.email, state: "saving" } });
    const result = await this.connection?.leaveContact(parsed.data);
    this.update({ contact: { email: parsed.data.email, state: result?.ok ? "saved" : "failed" } });
    return true;
  }

  /** The site says who the customer is (sent once connected). */
  async identify(identity: Identity): Promise<void> {
    if (!this.connection) {
      this.pendingIdentity = identity;
      return;
    }
    this.pendingIdentity = null;
    const result = await this.connection.identify(identity);
    if (result.ok && result.data.token !== this.connection.session.token)
      saveSession(this.store, result.data);
  }

  /** Whether the customer can see the chat (unread messages are counted only while it is closed). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.update({ unread: 0 });
  }
}
