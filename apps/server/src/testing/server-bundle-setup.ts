import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../../build";
import { SERVER_BUNDLE_ENV } from "./server-process";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Vitest global setup: bundles the server once per test run, so tests that start it as an OS process
 * run it with node as the image does, instead of tsx compiling the sources again in every process
 * (about half the start time). A folder per run, so two test runs on one checkout never share one.
 * The test workers start after this and inherit the variable that names the bundle.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const outDir = `dist/test-run-${process.pid}`;
  await buildServer(outDir);
  const absolute = path.join(serverRoot, outDir);
  process.env[SERVER_BUNDLE_ENV] = path.join(absolute, "main.js");
  return () => rm(absolute, { recursive: true, force: true });
}
