import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AGENT, api, startServerProcess, type ServerProcess } from "../testing";
import { mainScript } from "../testing/server-process";

const run = promisify(execFile);
/** What execFile rejects with when the command exits with an error. */
const Failed = z.object({ code: z.number(), stdout: z.string(), stderr: z.string() });
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let dataDir: string;
let server: ServerProcess | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "handoff-admin-"));
});
afterEach(async () => {
  await server?.kill();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `main.ts create-admin ARGS` on the test's data dir; resolves with its output, whatever the exit code. */
async function createAdmin(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...mainScript(), "create-admin", ...args], {
      cwd: serverRoot,
      env: { ...process.env, MONGODB_URI: "", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const failed = Failed.parse(err);
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const signIn = (url: string, email: string, password: string) =>
  api({ url }, "POST", "/api/auth/login", { email, password });

// Each test starts several server processes, slow on a busy machine.
describe("the first supervisor", { timeout: 240_000 }, () => {
  it("create-admin makes a supervisor on an empty store, who signs in to a server started without the demo; a second is refused", async () => {
    const made = await createAdmin(["--email", "Boss@Example.com", "--name", "Bo Boss"]);
    expect(made.code).toBe(0);
    const password = /password[^:]*: (\S+)/.exec(made.out)?.[1];
    expect(password, made.out).toBeTruthy();

    server = await startServerProcess(dataDir, { SEED_DEMO: "false" });
    const login = await signIn(server.url, "boss@example.com", password ?? "");
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { role: "supervisor", name: "Bo Boss", status: "active" } });
    // SEED_DEMO=false: a clean start, no demo accounts.
    expect((await signIn(server.url, AGENT.email, AGENT.password)).status).toBe(401);

    const again = await createAdmin(["--email", "second@example.com"], {
      ADMIN_PASSWORD: "second-password-1",
    });
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/boss@example\.com is already a supervisor/);
    expect((await signIn(server.url, "second@example.com", "second-password-1")).status).toBe(401);
  });

  it("ADMIN_EMAIL and ADMIN_PASSWORD make the first supervisor at start, once", async () => {
    const admin = { ADMIN_EMAIL: "ops@example.com", ADMIN_PASSWORD: "ops-password-1", SEED_DEMO: "false" };
    server = await startServerProcess(dataDir, admin);
    expect((await signIn(server.url, "ops@example.com", "ops-password-1")).status).toBe(200);
    await server.kill("SIGTERM");
    // A later start with other values leaves the store alone: there is a supervisor already.
    server = await startServerProcess(dataDir, { ...admin, ADMIN_EMAIL: "other@example.com" });
    expect((await signIn(server.url, "other@example.com", "ops-password-1")).status).toBe(401);
    expect((await signIn(server.url, "ops@example.com", "ops-password-1")).status).toBe(200);
  });
});
