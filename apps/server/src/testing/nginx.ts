import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./redis-server";

/** Debian's nginx; `.ci/run` installs it (apt-get install nginx). */
const NGINX_BINARY = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
/** The load balancer configuration docker-compose uses (deploy/nginx.conf at the repository root). */
export const DEPLOY_NGINX_CONF = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../deploy/nginx.conf",
);

/** A throwaway nginx on 127.0.0.1 running the repository's load balancer configuration. */
export interface NginxProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The repository's deploy/nginx.conf with the compose service addresses (app:3000, app2:3000) replaced
 * by `upstreams`, its port by `port`, and its files (pid, logs, buffers) kept in `dir`. Throws if the
 * configuration no longer has what the test replaces, so a change to it is noticed here.
 */
export function templateNginxConf(
  conf: string,
  upstreams: [string, string],
  port: number,
  dir: string,
): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`deploy/nginx.conf no longer matches ${from}`);
    return text.replace(from, to);
  };
  let out = replace(conf, /server app:3000;/, `server ${upstreams[0]};`);
  out = replace(out, /server app2:3000;/, `server ${upstreams[1]};`);
  out = replace(out, /listen 8080;/, `listen 127.0.0.1:${port};`);
  const files = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `  ${name}_temp_path ${path.join(dir, name)};`)
    .join("\n");
  return replace(out, /^http \{$/m, `http {\n${files}\n  access_log off;`);
}

/** Starts nginx in front of two servers (host:port) with the deploy configuration; waits until it listens. */
export async function startNginx(upstreams: [string, string]): Promise<NginxProcess> {
  if (!existsSync(NGINX_BINARY)) {
    throw new Error(`${NGINX_BINARY} not found: apt-get install nginx (or set NGINX_PATH)`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "handoff-nginx-"));
  // nginx started as root runs its workers as an unprivileged user, who must reach the buffer folders.
  await chmod(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  await writeFile(conf, templateNginxConf(await readFile(DEPLOY_NGINX_CONF, "utf8"), upstreams, port, dir));
  const child: ChildProcess = spawn(
    NGINX_BINARY,
    ["-e", "stderr", "-p", dir, "-c", conf, "-g", `daemon off; pid ${path.join(dir, "nginx.pid")};`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    }).then(() => rm(dir, { recursive: true, force: true }));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    if (await accepts(port)) break;
    if (tries > 100) {
      await stop();
      throw new Error(`nginx did not start:\n${output}`);
    }
    await sleep(50);
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
