import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
// The server package's src/index.ts is its main export; the package folder is two levels up.
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("@handoff/server"))), "..");

/** A bundle of the server built for this run, as `npm start` and the image run it. */
export interface CompiledServer {
  /** The bundled main.js, for `startServerProcess`'s `entry`. */
  entry: string;
  remove(): Promise<void>;
}

/**
 * Builds the server with its own build script into a folder of its own (dist/bench-<id>, so a build
 * another run or test makes at the same time is never replaced under a running server).
 */
export async function buildCompiledServer(): Promise<CompiledServer> {
  const outDir = `dist/bench-${randomUUID().slice(0, 8)}`;
  await run(process.execPath, ["--import", "tsx", "build.ts", outDir], { cwd: serverRoot, timeout: 120_000 });
  const absolute = path.join(serverRoot, outDir);
  return {
    entry: path.join(absolute, "main.js"),
    remove: () => rm(absolute, { recursive: true, force: true }),
  };
}
