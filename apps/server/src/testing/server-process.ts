import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AGENT, SUPERVISOR } from "./test-server";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A server running as a separate OS process (to kill it for real and start another on its data). */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (its JSON log lines). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Names a bundled main.js that server processes run when no entry is given (set by server-bundle-setup.ts). */
export const SERVER_BUNDLE_ENV = "HANDOFF_TEST_SERVER_BUNDLE";

/**
 * How to start the process: a compiled entry run by node; without one, the test run's bundle
 * (SERVER_BUNDLE_ENV), else the sources through tsx.
 */
export interface ServerProcessOptions {
  /** A bundled main.js (see build.ts), run by node itself as the image runs it. */
  entry?: string;
  startTimeoutMs?: number;
}

/**
 * Node's arguments that run the server's main script (a command follows): `entry`, else the test run's
 * bundle (SERVER_BUNDLE_ENV), else the sources through tsx. Run with the server package as cwd.
 */
export function mainScript(entry = process.env[SERVER_BUNDLE_ENV]): string[] {
  return entry ? [entry] : ["--import", "tsx", "src/main.ts"];
}

/** Starts `main.ts start` (or a compiled entry) in a child process on a data dir and waits until it listens. */
export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  opts: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const args = [...mainScript(opts.entry), "start"];
  const child = spawn(process.execPath, args, {
    cwd: serverRoot,
    env: {
      ...process.env,
      // A MONGODB_URI in the test run's environment must not move a SQLite test onto the shared
      // MongoDB database; a test that wants MongoDB passes its own (with a database of its own).
      MONGODB_URI: "",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      DEMO_AGENT_PASSWORD: AGENT.password,
      DEMO_SUPERVISOR_PASSWORD: SUPERVISOR.password,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      // A server still starting would otherwise outlive the caller that gave up on it.
      child.kill("SIGKILL");
      reject(new Error(`server did not start:\n${output}`));
    }, opts.startTimeoutMs ?? 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        child,
        output: () => output,
        kill: (signal = "SIGKILL") =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
