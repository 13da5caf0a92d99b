import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";

// Test support: a real IMAP server (Debian's dovecot-imapd, which .ci/run installs) on 127.0.0.1 with
// one mailbox in a temporary maildir. Never imported by production code.

/** Where dovecot is; tests that need it are skipped (and say so) when it is not installed. */
export const DOVECOT = "/usr/sbin/dovecot";
export const hasDovecot = existsSync(DOVECOT);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts dovecot with one user (any name, this password) whose mail lives in a temporary maildir. */
export async function startDovecot(password = "imap-test-password") {
  const dir = await mkdtemp(join(tmpdir(), "dovecot-"));
  // The mail processes run as the package's dovecot user (dovecot refuses uid 0), so it writes here.
  await chmod(dir, 0o1777);
  const port = await freePort();
  const conf = join(dir, "dovecot.conf");
  await writeFile(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const child = spawn(DOVECOT, ["-F", "-c", conf], { stdio: "ignore" });
  await listening(port);
  const url = (user: string) =>
    `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/INBOX`;
  const client = async (user: string) => {
    const imap = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    // A dropped connection is reported by the call that needed it, not as an uncaught error.
    imap.on("error", () => undefined);
    await imap.connect();
    return imap;
  };
  return {
    url,
    /** Delivers a raw email into the user's INBOX, unseen. */
    async deliver(user: string, raw: string): Promise<void> {
      const imap = await client(user);
      try {
        await imap.append("INBOX", raw);
      } finally {
        await imap.logout();
      }
    },
    /** Whether each email in the user's INBOX is seen, by Message-ID. */
    async seen(user: string): Promise<Record<string, boolean>> {
      const imap = await client(user);
      const lock = await imap.getMailboxLock("INBOX");
      const seen: Record<string, boolean> = {};
      try {
        for await (const m of imap.fetch("1:*", { envelope: true, flags: true }))
          seen[m.envelope?.messageId ?? String(m.uid)] = m.flags?.has("\\Seen") ?? false;
      } finally {
        lock.release();
        await imap.logout();
      }
      return seen;
    },
    async close(): Promise<void> {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
