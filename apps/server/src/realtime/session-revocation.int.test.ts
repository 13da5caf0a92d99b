import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import path from "node:path";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { openMongoStore } from "@handoff/store";
import type { Clock } from "@handoff/core";
import type { PlatformOverrides } from "../app/create-platform";
import { hashToken } from "../auth/tokens";
import {
  api,
  AGENT,
  connectAgent,
  connectCustomer,
  nextReview,
  pendingApproval,
  pendingHandoff,
  SUPERVISOR,
  type ConsoleSocket,
  type SocketTarget,
} from "../testing";
import { useRedis, useTestServers } from "../testing/test-servers";

// Attack corpus, session revocation: a console socket lives exactly as long as its session. Signing
// out, the session's expiry and the hook a user-management API calls (deactivation, role change) end
// the socket at once, on every instance; and a socket whose disconnect went missing still cannot act.

const servers = useTestServers();

/** The stores these tests run on; `overrides()` opens the same database every call (for pairs). */
const stores: Array<{ name: string; shared: () => () => Promise<PlatformOverrides> }> = [
  { name: "SQLite", shared: () => async () => ({}) },
  ...(process.env.MONGODB_URI
    ? [
        {
          name: "MongoDB",
          shared: () => {
            const dbName = `handoff_revoke_${randomUUID().slice(0, 8)}`;
            const uri = process.env.MONGODB_URI ?? "";
            return async () => ({ storage: await openMongoStore({ uri, dbName }) });
          },
        },
      ]
    : []),
];

/** A clock the test moves forward. */
function movableClock(): Clock & { advanceMs(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advanceMs: (ms) => (offset += ms) };
}

/** Resolves with the disconnect reason, or rejects when the socket is still connected after `ms`. */
function disconnected(socket: ConsoleSocket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve("already disconnected");
    const timer = setTimeout(() => reject(new Error(`the socket was still connected after ${ms} ms`)), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Every event a socket receives from now on. */
function recordEvents(socket: ConsoleSocket): string[] {
  const heard: string[] = [];
  socket.onAny((event: string) => heard.push(event));
  return heard;
}

/** A new customer on `target` asks for something risky; resolves with the review `observer` sees. */
async function raiseApproval(target: SocketTarget, observer: ConsoleSocket) {
  const customer = await connectCustomer(target);
  const seen = nextReview(observer, "review:created", (r) => r.conversationId === customer.conversationId);
  await customer.socket.emitWithAck("message:send", {
    clientId: "q1",
    text: "Please cancel my subscription today.",
  });
  return seen;
}

/** A console socket on an existing session token. */
async function openConsole(target: SocketTarget, token: string): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = connect(`${target.url}/console`, {
    auth: { token },
    transports: ["websocket"],
  });
  target.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Reconnecting the same socket: "connected", or the refusal's message. */
function reconnect(socket: ConsoleSocket): Promise<string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
    socket.connect();
  });
}

describe.each(stores)("console sockets bound to their session on $name", ({ shared }) => {
  const start = async (opts: { env?: Record<string, string>; clock?: Clock } = {}) => {
    const overrides = await shared()();
    return servers.start({
      env: opts.env,
      overrides: opts.clock ? { ...overrides, clock: opts.clock } : overrides,
    });
  };

  it(
    "signing out disconnects the open console socket at once, and it hears no review after",
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const agent = await connectAgent(server);
      const colleague = await connectAgent(server, SUPERVISOR);
      const gone = disconnected(agent.socket);
      expect((await api(server, "POST", "/api/auth/logout", undefined, agent.token)).status).toBe(204);
      await gone;
      const heard = recordEvents(agent.socket);

      // The colleague still gets the next review; the signed-out socket does not.
      await raiseApproval(server, colleague.socket);
      expect(heard).toEqual([]);
      expect(await reconnect(agent.socket)).toMatch(/^refused: unauthorized/);
      // Signing out ends only that session: the colleague is still connected and can act.
      expect(colleague.socket.connected).toBe(true);
      expect((await colleague.socket.emitWithAck("inbox:list", {})).ok).toBe(true);
    },
  );

  it(
    "a socket whose session ended without a disconnect cannot approve, open a transcript or list the inbox",
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const { agent, customer, review } = await pendingApproval(server);
      // The session disappears behind the socket's back (as if the disconnect had been missed).
      await server.platform.store.sessions.delete(hashToken(agent.token));

      const approve = await agent.socket.emitWithAck("review:decide", {
        reviewId: review.id,
        decision: { type: "approve" },
      });
      expect(!approve.ok && approve.error.code).toBe("unauthorized");
      expect((await server.platform.store.reviews.get(review.id))?.status).toBe("pending");
      await disconnected(agent.socket);
      // A client that reconnects by itself gets no further either.
      expect(await reconnect(agent.socket)).toMatch(/^refused: unauthorized/);

      // The same on a second socket of that session, for reading.
      const other = await connectAgent(server);
      await server.platform.store.sessions.delete(hashToken(other.token));
      const open = await other.socket.emitWithAck("conversation:open", {
        conversationId: customer.conversationId,
      });
      expect(!open.ok && open.error.code).toBe("unauthorized");
      const third = await connectAgent(server);
      await server.platform.store.sessions.delete(hashToken(third.token));
      const inbox = await third.socket.emitWithAck("inbox:list", {});
      expect(!inbox.ok && inbox.error.code).toBe("unauthorized");
    },
  );

  it(
    "a session that expires ends its socket at the expiry moment, with no other activity",
    { timeout: 30_000 },
    async () => {
      const clock = movableClock();
      const server = await start({ env: { SESSION_TTL_HOURS: "1" }, clock });
      const login = await api<{ token: string }>(server, "POST", "/api/auth/login", AGENT);
      // An hour passes, less a second and a half; then the socket opens, and nobody touches it.
      clock.advanceMs(3_600_000 - 1500);
      const socket = await openConsole(server, login.body.token);
      expect((await socket.emitWithAck("inbox:list", {})).ok).toBe(true);
      await disconnected(socket, 6000);
      const heard = recordEvents(socket);
      const observer = await connectAgent(server, SUPERVISOR);
      await raiseApproval(server, observer.socket);
      expect(heard).toEqual([]);
      expect(await reconnect(socket)).toMatch(/^refused: unauthorized/);
    },
  );

  it(
    "ending a user's sockets (the deactivation and role-change hook) drops every tab of that user only",
    { timeout: 30_000 },
    async () => {
      const server = await start();
      const first = await connectAgent(server);
      const second = await connectAgent(server);
      const supervisor = await connectAgent(server, SUPERVISOR);
      const gone = Promise.all([disconnected(first.socket), disconnected(second.socket)]);
      server.platform.auth.userChanged(first.user.id);
      await gone;
      expect(supervisor.socket.connected).toBe(true);
      // Their session still stands, so a reconnect picks up whatever the user now is.
      expect(await reconnect(first.socket)).toBe("connected");
    },
  );
});

describe("a role changed in the store", () => {
  it(
    "a supervisor demoted to agent acts as an agent on their very next console event, without reconnecting",
    { timeout: 30_000 },
    async () => {
      const server = await servers.start();
      const { agent, customer, review } = await pendingHandoff(server);
      expect((await agent.socket.emitWithAck("handoff:claim", { reviewId: review.id })).ok).toBe(true);
      const supervisor = await connectAgent(server, SUPERVISOR);
      const say = (clientId: string) =>
        supervisor.socket.emitWithAck("message:send", {
          conversationId: customer.conversationId,
          clientId,
          text: "A supervisor stepping in.",
        });
      expect((await say("s1")).ok).toBe(true);

      // No user-management API exists yet: change the role where it is stored, as one would.
      const db = new Database(path.join(server.dataDir, "handoff.db"));
      db.prepare("UPDATE users SET role = 'agent' WHERE id = ?").run(supervisor.user.id);
      db.close();

      const after = await say("s2");
      expect(!after.ok && after.error.code).toBe("forbidden");
      expect(supervisor.socket.connected).toBe(true);
    },
  );
});

describe.each(stores)("two instances over Redis on $name", ({ shared }) => {
  const redis = useRedis();
  /** Instances A and B on one store and one Redis. */
  const startPair = () => servers.startPair(redis.url(), {}, shared());

  it(
    "signing out on instance B disconnects the session's socket on instance A",
    { timeout: 30_000 },
    async () => {
      const { a, b } = await startPair();
      const agent = await connectAgent(a);
      const colleague = await connectAgent(a, SUPERVISOR);
      const gone = disconnected(agent.socket);
      expect((await api(b, "POST", "/api/auth/logout", undefined, agent.token)).status).toBe(204);
      await gone;
      const heard = recordEvents(agent.socket);
      await raiseApproval(b, colleague.socket);
      expect(heard).toEqual([]);
      expect(colleague.socket.connected).toBe(true);
    },
  );

  it(
    "the user hook called on instance B drops that user's sockets on instance A",
    { timeout: 30_000 },
    async () => {
      const { a, b } = await startPair();
      const agent = await connectAgent(a);
      const supervisor = await connectAgent(a, SUPERVISOR);
      const gone = disconnected(agent.socket);
      b.platform.auth.userChanged(agent.user.id);
      await gone;
      expect(supervisor.socket.connected).toBe(true);
    },
  );
});
