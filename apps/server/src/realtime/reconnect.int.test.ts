import { afterEach, describe, expect, it, vi } from "vitest";
import { io as connect } from "socket.io-client";
import type { Message, VisitorSession } from "@handoff/contracts";
import {
  api,
  customerTranscript,
  connectCustomer,
  startTestServer,
  type TestServer,
  type WidgetSocket,
} from "../testing";

let server: TestServer;
afterEach(async () => {
  await server.dispose();
});

/**
 * What a widget keeps: messages by seq, filled from pushes and from resyncs after each reconnect.
 * A seq seen twice must be the same message, or the customer would see two different things.
 */
class LocalTranscript {
  readonly bySeq = new Map<number, Message>();
  readonly conflicts: string[] = [];

  add(message: Message): void {
    const known = this.bySeq.get(message.seq);
    if (known && known.id !== message.id)
      this.conflicts.push(`seq ${message.seq}: ${known.id} vs ${message.id}`);
    this.bySeq.set(message.seq, message);
  }

  /** The highest seq up to which nothing is missing: where the next resync starts. */
  contiguous(): number {
    let seq = 0;
    while (this.bySeq.has(seq + 1)) seq++;
    return seq;
  }

  messages(): Message[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}

async function open(url: string, token: string, local: LocalTranscript): Promise<WidgetSocket> {
  const socket: WidgetSocket = connect(`${url}/widget`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
  });
  socket.on("message:new", (m) => local.add(m));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

describe("reconnecting", () => {
  it(
    "a client that reconnects 100 times in a row, sending and resending, ends with the exact transcript",
    { timeout: 60_000 },
    async () => {
      server = await startTestServer();
      const session = (await api<VisitorSession>(server, "POST", "/api/visitor", {})).body;
      const local = new LocalTranscript();
      // Questions the bot answers at once, so replies land while the client is connected and while it is not.
      const questions = ["How long does standard delivery take?", "Do you ship outside the US?"];
      let sent = 0;
      for (let i = 0; i < 100; i++) {
        const socket = await open(server.url, session.token, local);
        const sync = await socket.emitWithAck("messages:sync", { since: local.contiguous() });
        if (!sync.ok) throw new Error(sync.error.message);
        for (const m of sync.data.messages) local.add(m);
        if (i % 4 === 0) {
          // A new question; the bot answers while the client may already be gone again.
          const ack = await socket.emitWithAck("message:send", {
            clientId: `q${sent}`,
            text: `${questions[sent % questions.length]} (${sent})`,
          });
          if (!ack.ok) throw new Error(ack.error.message);
          local.add(ack.data.message);
          sent++;
        } else if (i % 10 === 3 && sent > 0) {
          // The outbox resends the last question after the drop, not knowing its ack arrived.
          const ack = await socket.emitWithAck("message:send", {
            clientId: `q${sent - 1}`,
            text: `${questions[(sent - 1) % questions.length]} (${sent - 1})`,
          });
          expect(ack.ok && ack.data.duplicate).toBe(true);
        }
        // Half the time a clean disconnect, half the time the connection just drops.
        if (i % 2 === 0) socket.disconnect();
        else socket.io.engine.close();
      }

      await server.platform.conversations.idle();
      const last = await open(server.url, session.token, local);
      const sync = await last.emitWithAck("messages:sync", { since: local.contiguous() });
      if (!sync.ok) throw new Error(sync.error.message);
      for (const m of sync.data.messages) local.add(m);
      last.disconnect();

      const truth = await customerTranscript(await connectCustomer(server, session));
      expect(local.conflicts).toEqual([]);
      expect(local.messages()).toEqual(truth);
      expect(truth.filter((m) => m.author === "customer")).toHaveLength(sent);
      expect(truth.filter((m) => m.author === "bot").length).toBeGreaterThan(0);
    },
  );

  it("a widget whose connection dropped is not replayed what it missed: its resync brings it", async () => {
    server = await startTestServer();
    const session = (await api<VisitorSession>(server, "POST", "/api/visitor", {})).body;
    const pushed: Message[] = [];
    const socket = await open(server.url, session.token, new LocalTranscript());
    socket.on("message:new", (m) => pushed.push(m));
    // A first answer pushed to this socket (what a reconnecting client names as the last it had).
    const first = await socket.emitWithAck("message:send", {
      clientId: "asked-here",
      text: "Do you accept PayPal?",
    });
    if (!first.ok) throw new Error(first.error.message);
    await server.platform.conversations.idle();
    await vi.waitFor(() => expect(pushed.map((m) => m.author)).toContain("bot"));
    pushed.length = 0;
    socket.io.engine.close();
    // While it is away the customer asks from another tab and the bot answers.
    const other = await connectCustomer(server, session);
    const ack = await other.socket.emitWithAck("message:send", {
      clientId: "asked-elsewhere",
      text: "How long does standard delivery take?",
    });
    if (!ack.ok) throw new Error(ack.error.message);
    await server.platform.conversations.idle();
    const truth = await customerTranscript(other);
    expect(truth.map((m) => m.author)).toEqual(["customer", "bot", "customer", "bot"]);

    await new Promise<void>((resolve) => {
      socket.once("connect", resolve);
      socket.connect();
    });
    // The server keeps no copy of what it broadcast (a heap cost at busy times): nothing is replayed.
    expect(socket.recovered ?? false).toBe(false);
    expect(pushed).toEqual([]);
    const sync = await socket.emitWithAck("messages:sync", { since: 0 });
    if (!sync.ok) throw new Error(sync.error.message);
    expect(sync.data.messages).toEqual(truth);
    socket.disconnect();
  });
});
