import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { LoginResponse, VisitorSession } from "@handoff/contracts";
import {
  AGENT,
  startRedis,
  startServerProcess,
  type RedisProcess,
  type ServerProcess,
  type WidgetSocket,
} from "../testing";
import { startNginx, type NginxProcess } from "../testing/nginx";

// Debian's nginx runs the repository's deploy/nginx.conf in front of two server processes that share
// a store and a redis-server, as `docker compose -f docker-compose.yml -f deploy/compose.multi.yml up`
// runs them. Clients come from different loopback addresses (127.0.0.2, 127.0.0.3), so nginx sees
// two clients, as it would see two customers or two agents on the internet.
const SHOP = "https://shop.example";
const CLIENT_A = "127.0.0.2";
const CLIENT_B = "127.0.0.3";

let redis: RedisProcess;
let nginx: NginxProcess;
let dataDir: string;
const servers: ServerProcess[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dataDir = await mkdtemp(path.join(tmpdir(), "handoff-nginx-data-"));
  const env = {
    REDIS_URL: redis.url,
    ALLOWED_ORIGINS: SHOP,
    TRUST_PROXY: "1",
    VISITOR_SESSIONS_PER_MINUTE: "3",
    IP_MESSAGES_PER_MINUTE: "3",
    SOCKET_MESSAGES_PER_MINUTE: "0",
    GRAPH_WORKER: "off",
  };
  // One after the other: the first seeds the demo accounts.
  servers.push(await startServerProcess(dataDir, { ...env, INSTANCE_ID: "a" }, { startTimeoutMs: 60_000 }));
  servers.push(await startServerProcess(dataDir, { ...env, INSTANCE_ID: "b" }, { startTimeoutMs: 60_000 }));
  const [a, b] = servers.map((s) => new URL(s.url).host);
  if (!a || !b) throw new Error("two servers expected");
  nginx = await startNginx([a, b]);
}, 150_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.kill()));
  await redis?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** An HTTP request through nginx from one client address, with a JSON body and extra headers. */
function send(
  from: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const url = new URL(route, nginx.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        localAddress: from,
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: parseJson(text) }));
      },
    );
    req.once("error", reject);
    req.end(payload);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function visitor(from: string) {
  const res = await send(from, "POST", "/api/visitor", {});
  return { status: res.status, session: VisitorSession.safeParse(res.body).data };
}

/** Opens a socket through nginx from one client address; resolves with it once connected. */
async function openSocket(
  from: string,
  namespace: "/widget" | "/console",
  token: string,
  origin: string,
  transports: string[] = ["websocket"],
): Promise<Socket> {
  // localAddress is handed to the websocket client (ws); socket.io-client's types do not list it.
  const options = {
    auth: { token },
    transports,
    localAddress: from,
    extraHeaders: { origin },
    reconnection: false,
  };
  const socket = connect(`${nginx.url}${namespace}`, options);
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "connected",
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );

describe("two instances behind the deploy nginx, with ALLOWED_ORIGINS set", () => {
  it(
    "sockets connect through nginx from the console's own page and from an allowed site; other sites are refused",
    { timeout: 60_000 },
    async () => {
      const login = LoginResponse.parse((await send(CLIENT_A, "POST", "/api/auth/login", AGENT)).body);
      // The console is served by the servers behind nginx: its page's origin is nginx's, port included.
      const own = new URL(nginx.url).origin;
      expect(await refusal(openSocket(CLIENT_A, "/console", login.token, own))).toBe("connected");
      expect(await refusal(openSocket(CLIENT_A, "/console", login.token, own, ["polling"]))).toBe(
        "connected",
      );

      const customer = await visitor(CLIENT_A);
      const token = customer.session?.token ?? "";
      expect(await refusal(openSocket(CLIENT_A, "/widget", token, SHOP))).toBe("connected");
      expect(await refusal(openSocket(CLIENT_A, "/widget", token, SHOP, ["polling", "websocket"]))).toBe(
        "connected",
      );
      expect(await refusal(openSocket(CLIENT_A, "/widget", token, "https://evil.example"))).not.toBe(
        "connected",
      );

      const chatPage = (origin: string) =>
        send(CLIENT_A, "GET", `/widget/?origin=${encodeURIComponent(origin)}`);
      expect((await chatPage(SHOP)).status).toBe(200);
      expect((await chatPage("https://evil.example")).status).toBe(403);
    },
  );

  it(
    "one client's failed sign-ins lock out that client only, however it forges X-Forwarded-For",
    { timeout: 120_000 },
    async () => {
      const wrong = { email: AGENT.email, password: "not-the-password" };
      for (let i = 0; i < 20; i++) {
        expect((await send(CLIENT_B, "POST", "/api/auth/login", wrong)).status).toBe(401);
      }
      expect((await send(CLIENT_B, "POST", "/api/auth/login", AGENT)).status).toBe(429);
      const forged = { "x-forwarded-for": "198.51.100.23" };
      expect((await send(CLIENT_B, "POST", "/api/auth/login", AGENT, forged)).status).toBe(429);
      // Another agent, elsewhere, signs in as usual.
      expect((await send(CLIENT_A, "POST", "/api/auth/login", AGENT)).status).toBe(200);
    },
  );

  it(
    "visitor sessions and customer messages are budgeted per client address, not per proxy",
    { timeout: 60_000 },
    async () => {
      // CLIENT_A opened one visitor session in the first test; two more fill its budget of three.
      const opened = [await visitor(CLIENT_A), await visitor(CLIENT_A)];
      expect(opened.map((v) => v.status)).toEqual([201, 201]);
      expect((await visitor(CLIENT_A)).status).toBe(429);
      expect((await visitor(CLIENT_A)).status).toBe(429);
      const other = await visitor(CLIENT_B);
      expect(other.status).toBe(201);

      // Three messages per minute per address, over every socket from it.
      const [first, second] = await Promise.all(
        opened.map((v) => openSocket(CLIENT_A, "/widget", v.session?.token ?? "", SHOP)),
      );
      const message = (socket: Socket | undefined, i: number) => {
        if (!socket) throw new Error("no socket");
        const widget: WidgetSocket = socket;
        return widget.emitWithAck("message:send", { clientId: `m${i}`, text: "Do you ship to Canada?" });
      };
      expect((await message(first, 1)).ok).toBe(true);
      expect((await message(second, 2)).ok).toBe(true);
      expect((await message(first, 3)).ok).toBe(true);
      const over = await message(second, 4);
      expect(!over.ok && over.error.code).toBe("rate_limited");
      const elsewhere = await openSocket(CLIENT_B, "/widget", other.session?.token ?? "", SHOP);
      expect((await message(elsewhere, 1)).ok).toBe(true);
    },
  );
});
