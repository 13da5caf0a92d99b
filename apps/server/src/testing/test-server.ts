import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type {
  ConsoleClientEvents,
  ConsoleServerEvents,
  LoginResponse,
  VisitorSession,
  WidgetClientEvents,
  WidgetServerEvents,
} from "@handoff/contracts";
import { ConfigSchema, type Config } from "../app/config";
import type { PlatformOverrides } from "../app/create-platform";
import { startServer, type RunningServer } from "../app/start-server";
import { seedDemo } from "../seed/seed-demo";

/** Passwords the test servers seed their demo accounts with. */
export const AGENT = { email: "agent@demo.local", password: "agent-password-1" };
export const SUPERVISOR = { email: "supervisor@demo.local", password: "supervisor-password-1" };

/** A customer's widget socket. */
export type WidgetSocket = Socket<WidgetServerEvents, WidgetClientEvents>;
/** An agent's console socket. */
export type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;

/** A real server on a random port with its own SQLite file, seeded with the demo help center. */
export interface TestServer extends RunningServer {
  dataDir: string;
  sockets: Array<{ disconnect(): unknown }>;
  /** Stops the server but keeps its database, to start a new process on it. */
  stopKeepingData(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts a test server; pass `dataDir` to reopen the database of a stopped one. */
export async function startTestServer(
  opts: { dataDir?: string; env?: Record<string, string>; overrides?: PlatformOverrides } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), "handoff-test-")));
  const config: Config = ConfigSchema.parse({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    // In-process by default: most tests look at one flow, and a worker per server costs a second of
    // start-up. Tests of the worker (and every server started as its own process) run it.
    GRAPH_WORKER: "off",
    ...opts.env,
  });
  const server = await startServer(
    { ...config, DATABASE_FILE: path.join(dataDir, "handoff.db") },
    opts.overrides,
  );
  // Tests look at the state a restart leaves, so they wait for its recovery.
  await server.startup;
  await seedDemo(server.platform, { agent: AGENT.password, supervisor: SUPERVISOR.password });
  const sockets: Array<{ disconnect(): unknown }> = [];
  const stopKeepingData = async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
  };
  return {
    ...server,
    dataDir,
    sockets,
    stopKeepingData,
    async dispose() {
      await stopKeepingData();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Where test sockets connect, and the list that closes them afterwards. */
export type SocketTarget = Pick<TestServer, "url" | "sockets">;

/** JSON request against the test server. */
export async function api<T = unknown>(
  server: { url: string },
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A customer with a fresh conversation and a connected widget socket. */
export async function connectCustomer(
  server: SocketTarget,
  session?: VisitorSession,
  /** Attaches listeners before the handshake, for what the server sends as the socket connects. */
  listen?: (socket: WidgetSocket) => void,
) {
  const visitor = session ?? (await api<VisitorSession>(server, "POST", "/api/visitor", {})).body;
  const socket: WidgetSocket = connect(`${server.url}/widget`, {
    auth: { token: visitor.token },
    transports: ["websocket"],
  });
  listen?.(socket);
  server.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  // The new socket wins over any `socket` a reconnecting customer's object still carries.
  return { ...visitor, socket };
}

/** An agent (or supervisor) signed in with a connected console socket. */
export async function connectAgent(server: SocketTarget, who = AGENT) {
  const login = await api<LoginResponse>(server, "POST", "/api/auth/login", who);
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const socket: ConsoleSocket = connect(`${server.url}/console`, {
    auth: { token: login.body.token },
    transports: ["websocket"],
  });
  server.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, ...login.body };
}
