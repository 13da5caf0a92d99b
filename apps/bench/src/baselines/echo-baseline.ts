import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { io, type Socket } from "socket.io-client";
import { z } from "zod";
import { mapLimit } from "../map-limit";
import { LatencyRecorder, type LatencySummary } from "../stats/latency-recorder";

const ECHO_SERVER = fileURLToPath(new URL("./echo-server.ts", import.meta.url));
const PortLine = z.object({ echoPort: z.number().int().positive() });

interface EchoClientEvents {
  echo: (payload: { clientId: string; text: string }, ack: (payload: unknown) => void) => void;
}

/** What the baseline measured: Socket.IO round trips with no application work behind them. */
export interface EchoResult extends LatencySummary {
  errors: number;
}

/** Starts the echo server in a child process and resolves with its URL and a way to stop it. */
async function startEchoServer() {
  const child = spawn(process.execPath, ["--import", "tsx", ECHO_SERVER], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the echo server did not start")), 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      resolve(PortLine.parse(JSON.parse(line)).echoPort);
    });
    child.once("exit", (code) => reject(new Error(`the echo server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Same clients, same rate, same kind of payload as the load phase, but the server only echoes: the
 * floor that Socket.IO, the loopback and the two event loops put under every figure of the load phase.
 */
export async function runEchoBaseline(opts: {
  clients: number;
  intervalMs: number;
  seconds: number;
}): Promise<EchoResult> {
  const server = await startEchoServer();
  const latency = new LatencyRecorder();
  let errors = 0;
  try {
    const sockets = await mapLimit(opts.clients, 50, async () => {
      const socket: Socket<Record<string, never>, EchoClientEvents> = io(server.url, {
        transports: ["websocket"],
        reconnection: false,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      return socket;
    });
    const timers: NodeJS.Timeout[] = [];
    const send = (socket: (typeof sockets)[number], i: number) => {
      const sentAt = performance.now();
      socket
        .timeout(10_000)
        .emitWithAck("echo", { clientId: `echo-${i}`, text: "How long does standard delivery take?" })
        .then(
          () => latency.record(performance.now() - sentAt),
          () => errors++,
        );
    };
    sockets.forEach((socket, i) => {
      const offset = (i * opts.intervalMs) / opts.clients;
      timers.push(
        setTimeout(() => {
          send(socket, i);
          timers.push(setInterval(() => send(socket, i), opts.intervalMs));
        }, offset),
      );
    });
    await sleep(opts.seconds * 1000);
    for (const t of timers) clearTimeout(t);
    await sleep(200);
    for (const s of sockets) s.close();
  } finally {
    await server.stop();
  }
  return { ...latency.summary(), errors };
}
