import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** Debian's redis-server; `.ci/run` installs it (apt-get install redis-server). */
const REDIS_BINARY = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

/** A throwaway Redis on 127.0.0.1 for multi-instance tests. */
export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts redis-server without persistence on a free port and waits until it accepts connections. */
export async function startRedis(): Promise<RedisProcess> {
  if (!existsSync(REDIS_BINARY)) {
    throw new Error(`${REDIS_BINARY} not found: apt-get install redis-server (or set REDIS_SERVER_PATH)`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_BINARY,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
