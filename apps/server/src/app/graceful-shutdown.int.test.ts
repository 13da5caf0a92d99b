import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LoginResponse } from "@handoff/contracts";
import { startFakeOpenAI, type FakeOpenAI } from "@handoff/core/testing";
import { buildServer } from "../../build";
import {
  AGENT,
  connectAgent,
  connectCustomer,
  customerTranscript,
  nextMessage,
  startServerProcess,
  type ServerProcess,
  type SocketTarget,
} from "../testing";
import { CONFIDENT_SHIPPING_ANSWER } from "../testing/fake-model";

// The server as the image runs it: bundled by build.ts and run by node itself, with its graph worker.
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = `dist/test-${randomUUID().slice(0, 8)}`;
const entry = (name: string) => path.join(serverRoot, outDir, `${name}.js`);
const CANCELLED = "Your subscription is cancelled as of today; you will not be charged again.";

let model: FakeOpenAI;
const running: ServerProcess[] = [];
const targets: SocketTarget[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await buildServer(outDir);
  model = await startFakeOpenAI({ apiKey: "test-key" });
}, 120_000);
afterEach(async () => {
  for (const target of targets.splice(0)) for (const socket of target.sockets) socket.disconnect();
  await Promise.all(running.splice(0).map((p) => p.kill()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
afterAll(async () => {
  await model?.close();
  await rm(path.join(serverRoot, outDir), { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "handoff-shutdown-"));
  dirs.push(dir);
  return dir;
}

async function startCompiled(dir: string, env: Record<string, string> = {}) {
  const server = await startServerProcess(
    dir,
    {
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: model.url,
      MODEL_TIMEOUT_MS: "20000",
      GRAPH_WORKER: "on",
      ...env,
    },
    { entry: entry("main"), startTimeoutMs: 60_000 },
  );
  running.push(server);
  const target: SocketTarget = { url: server.url, sockets: [] };
  targets.push(target);
  return { server, target };
}

/** Resolves with the exit code once the process has ended. */
const exitCode = (server: ServerProcess) =>
  new Promise<number | null>((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) resolve(server.child.exitCode);
    else server.child.once("exit", (code) => resolve(code));
  });

/** Waits until the fake model has been asked `count` times (the graph run is in flight then). */
async function modelAsked(count = 1): Promise<void> {
  while (model.chatRequests().length < count) await new Promise((r) => setTimeout(r, 50));
}

/** A sign-in whose body arrives in two parts: in flight from the first part until `finish` is called. */
function slowSignIn(url: string) {
  const body = JSON.stringify(AGENT);
  const half = Math.floor(body.length / 2);
  const req = httpRequest(new URL("/api/auth/login", url), {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.once("error", reject);
  });
  req.write(body.slice(0, half));
  return { finish: () => req.end(body.slice(half)), response };
}

describe("the compiled server stops gracefully", () => {
  it(
    "on SIGTERM it finishes the request and the graph run in flight, exits 0, and the approval they made survives the restart",
    { timeout: 180_000 },
    async () => {
      model.reply({ delayMs: 1500, structured: { ...CONFIDENT_SHIPPING_ANSWER, answer: CANCELLED } });
      const dir = await dataDir();
      const { server: first, target: target1 } = await startCompiled(dir);
      const customer1 = await connectCustomer(target1);
      const sent = await customer1.socket.emitWithAck("message:send", {
        clientId: "c1",
        text: "Please cancel my subscription today.",
      });
      expect(sent.ok).toBe(true);
      await modelAsked();
      const signIn = slowSignIn(first.url);
      await new Promise((r) => setTimeout(r, 200));

      const exited = exitCode(first);
      first.child.kill("SIGTERM");
      // The request outlasts the graph run: the process waits for both.
      await new Promise((r) => setTimeout(r, 2000));
      signIn.finish();
      const signedIn = await signIn.response;
      expect(signedIn.status).toBe(200);
      expect(LoginResponse.safeParse(JSON.parse(signedIn.body)).success).toBe(true);
      expect(await exited).toBe(0);

      // With the model gone, a run left unfinished would end with a person at the restart, not with
      // this draft: the approval below is the one the first process finished before it exited.
      model.reply({ content: "the model is down" });
      const { server: second, target: target2 } = await startCompiled(dir, {
        OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      });
      const agent = await connectAgent(target2);
      const inbox = await agent.socket.emitWithAck("inbox:list", {});
      const review = inbox.ok
        ? inbox.data.reviews.find((r) => r.conversationId === customer1.conversationId)
        : undefined;
      expect(review?.kind).toBe("approval");
      expect(review?.kind === "approval" && review.packet.draft.text).toBe(CANCELLED);

      const customer2 = await connectCustomer(target2, customer1);
      const delivered = nextMessage(customer2.socket, (m) => m.author === "bot");
      const decided = await agent.socket.emitWithAck("review:decide", {
        reviewId: review?.id ?? "",
        decision: { type: "approve" },
      });
      expect(decided.ok).toBe(true);
      expect((await delivered).text).toBe(CANCELLED);
      const transcript = await customerTranscript(customer2);
      expect(transcript.filter((m) => m.author === "bot").map((m) => m.text)).toEqual([CANCELLED]);
      const secondExited = exitCode(second);
      second.child.kill("SIGTERM");
      expect(await secondExited).toBe(0);
    },
  );

  /** A compiled server with a graph run in flight (the model answers after a minute); resolves with its exit. */
  async function serverWithRunInFlight(shutdownTimeoutSeconds: number) {
    model.reply({ delayMs: 60_000, structured: { ...CONFIDENT_SHIPPING_ANSWER, answer: CANCELLED } });
    const before = model.chatRequests().length;
    const { server, target } = await startCompiled(await dataDir(), {
      SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds),
    });
    const customer = await connectCustomer(target);
    await customer.socket.emitWithAck("message:send", {
      clientId: "c1",
      text: "Please cancel my subscription.",
    });
    await modelAsked(before + 1);
    return { server, exited: exitCode(server) };
  }

  it(
    "a second signal exits at once, without waiting for the run in flight",
    { timeout: 120_000 },
    async () => {
      const { server, exited } = await serverWithRunInFlight(120);
      server.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill("SIGTERM");
      // 128 + 15, as a shell reports a process ended by SIGTERM; a drained stop exits 0, a timed-out one 1.
      expect(await exited).toBe(143);
    },
  );

  it("when the deadline passes with a run in flight it exits 1", { timeout: 120_000 }, async () => {
    const { server, exited } = await serverWithRunInFlight(1);
    server.child.kill("SIGTERM");
    expect(await exited).toBe(1);
  });
});

describe("the image's health check", () => {
  it("asks the server on the PORT it was configured with", { timeout: 120_000 }, async () => {
    const { server } = await startCompiled(await dataDir(), { GRAPH_WORKER: "off" });
    const check = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [entry("healthcheck")], { env: { ...process.env, ...env } }).then(
        () => 0,
        (err: unknown) =>
          err instanceof Error && "code" in err && typeof err.code === "number" ? err.code : -1,
      );
    const port = new URL(server.url).port;
    expect(await check({ PORT: port, HOST: "0.0.0.0" })).toBe(0);
    expect(await check({ PORT: port, HOST: "127.0.0.1" })).toBe(0);
    const exited = exitCode(server);
    server.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await check({ PORT: port, HOST: "0.0.0.0" })).toBe(1);
  });
});
