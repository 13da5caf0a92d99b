import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { startServerProcess, type ServerProcess } from "./server-process";
import type { SocketTarget } from "./test-server";

// Not exported from the testing index: it registers vitest hooks (see fake-model.ts).

/**
 * Server processes for one test file: data dirs named after `prefix`, each process with the socket
 * target tests connect through; sockets closed, processes killed and dirs removed after each test.
 */
export function useServerProcesses(prefix: string) {
  const running: ServerProcess[] = [];
  const targets: SocketTarget[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const t of targets.splice(0)) for (const s of t.sockets) s.disconnect();
    await Promise.all(running.splice(0).map((p) => p.kill()));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return {
    /** A fresh data dir, removed after the test (several processes may share it). */
    async dataDir(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), `handoff-${prefix}-`));
      dirs.push(dir);
      return dir;
    },
    /** Starts a server process on `dir` and returns it with a socket target for connecting to it. */
    async start(dir: string, env: Record<string, string> = {}) {
      const server = await startServerProcess(dir, env);
      running.push(server);
      const target: SocketTarget = { url: server.url, sockets: [] };
      targets.push(target);
      return { server, target };
    },
  };
}
