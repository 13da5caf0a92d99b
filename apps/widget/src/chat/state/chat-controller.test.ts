import { describe, expect, it, vi } from "vitest";
import type { Conversation, Message } from "@handoff/contracts";
import type { ApiResult } from "../api/api-result";
import type { ChatApi, ChatConnection } from "../api/chat-api";
import type { KeyValueStore } from "../api/session-store";
import type { SocketListeners } from "../api/widget-socket";
import { msg } from "../../testing/message-fixture";
import { ChatController } from "./chat-controller";

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: "c1",
  status: "bot",
  customer: {},
  assigneeId: null,
  assigneeName: null,
  category: null,
  lastSeq: 0,
  lastMessagePreview: null,
  language: null,
  createdAt: "2025-01-01T12:00:00.000Z",
  updatedAt: "2025-01-01T12:00:00.000Z",
  ...over,
});

const memoryStore = (): KeyValueStore => {
  const map = new Map<string, string>();
  return {
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
  };
};

/** A server double: stores customer messages once per clientId and can drop the connection. */
function fakeServer() {
  const stored: Message[] = [];
  let listeners: SocketListeners | null = null;
  let online = false;
  const sends: string[] = [];
  let limited = 0;
  const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
  const offline: ApiResult<never> = { ok: false, error: { code: "offline", message: "not connected" } };
  const store = (m: Message) => {
    stored.push(m);
    if (online) listeners?.message(m);
  };
  const connection: ChatConnection = {
    session: { token: "t1", conversationId: "c1" },
    async sendMessage({ clientId, text }) {
      if (!online) return offline;
      if (limited > 0) {
        limited--;
        return { ok: false, error: { code: "rate_limited", message: "too many messages; wait 5 s" } };
      }
      sends.push(clientId);
      const existing = stored.find((m) => m.clientId === clientId);
      if (existing) return ok({ message: existing, duplicate: true });
      const message = msg(stored.length + 1, { author: "customer", clientId, text, authorName: null });
      store(message);
      return ok({ message, duplicate: false });
    },
    async sync(since) {
      if (!online) return offline;
      return ok({
        conversation: conversation({ lastSeq: stored.length }),
        messages: stored.filter((m) => m.seq > since),
      });
    },
    setTyping: () => undefined,
    requestHuman: async () => ok({ conversation: conversation({ status: "waiting_human" }) }),
    rateMessage: async () => ok(null),
    rateConversation: async () => ok(null),
    leaveContact: async () => ok(null),
    identify: async () => ok({ token: "t1", conversationId: "c1" }),
    close: () => undefined,
  };
  const api: ChatApi = async (_session, l) => {
    listeners = l;
    return ok(connection);
  };
  return {
    api,
    stored,
    sends,
    /** The next `n` messages are refused as over the rate limit. */
    limit: (n: number) => void (limited = n),
    agentSays: (text: string) => store(msg(stored.length + 1, { author: "agent", authorName: "Alex", text })),
    async connect() {
      online = true;
      listeners?.connection("online");
      listeners?.connected();
    },
    disconnect() {
      online = false;
      listeners?.connection("offline");
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("the chat controller", () => {
  it("sends a message typed offline once the connection returns, and shows it once", async () => {
    const server = fakeServer();
    const chat = new ChatController(server.api, memoryStore());
    await chat.start();
    await server.connect();
    await settle();
    server.disconnect();
    chat.send("typed on a train");
    server.agentSays("missed one");
    server.agentSays("missed two");
    expect(chat.getState().outbox).toHaveLength(1);
    await server.connect();
    await settle();
    const texts = chat.getState().messages.map((m) => m.text);
    expect(texts).toEqual(["missed one", "missed two", "typed on a train"]);
    expect(chat.getState().outbox).toEqual([]);
    expect(server.stored.filter((m) => m.text === "typed on a train")).toHaveLength(1);
  });

  it("keeps unsent messages across a reload and sends each with its original clientId", async () => {
    const store = memoryStore();
    const first = fakeServer();
    const before = new ChatController(first.api, store);
    await before.start();
    before.send("written before the reload");
    const clientId = before.getState().outbox[0]?.clientId;
    before.stop();

    const after = new ChatController(first.api, store);
    expect(after.getState().outbox.map((i) => i.clientId)).toEqual([clientId]);
    await after.start();
    await first.connect();
    await settle();
    expect(first.sends).toEqual([clientId]);
    expect(after.getState().messages.map((m) => m.text)).toEqual(["written before the reload"]);
  });

  it("a message refused as too fast stays queued, says why, and is sent once the limit passes", async () => {
    const server = fakeServer();
    const chat = new ChatController(server.api, memoryStore(), { retryMs: 10 });
    await chat.start();
    await server.connect();
    await settle();
    server.limit(1);
    chat.send("one more question");
    await settle();
    expect(chat.getState().notice).toMatch(/too many messages/);
    await vi.waitFor(() => expect(chat.getState().outbox).toEqual([]));
    expect(server.stored.filter((m) => m.text === "one more question")).toHaveLength(1);
  });

  it("refuses an empty message without queueing it", async () => {
    const chat = new ChatController(fakeServer().api, memoryStore());
    expect(chat.send("   ").ok).toBe(false);
    expect(chat.getState().outbox).toEqual([]);
  });

  it("counts replies that arrive while the chat is closed and announces them", async () => {
    const server = fakeServer();
    const chat = new ChatController(server.api, memoryStore());
    await chat.start();
    await server.connect();
    await settle();
    server.agentSays("are you there?");
    expect(chat.getState().unread).toBe(1);
    expect(chat.getState().announcement?.message.text).toBe("are you there?");
    chat.setVisible(true);
    expect(chat.getState().unread).toBe(0);
  });
});
