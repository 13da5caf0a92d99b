import path from "node:path";
import { z } from "zod";
import { normaliseOrigin } from "./origins";
import { TrustProxySetting } from "./trust-proxy";

const csv = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .default([]);

// Normalised here, once, so every origin check compares what a browser sends with the same strings.
const origins = csv.transform((list, ctx) =>
  list.map((entry) => {
    const origin = normaliseOrigin(entry);
    if (origin === null)
      ctx.addIssue({ code: "custom", message: `"${entry}" is not an origin like https://shop.example` });
    return origin ?? entry;
  }),
);

// docker compose passes unset variables as empty strings; treat those as not set.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** Environment variables the server reads, validated once at start-up. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Where the embedded SQLite file lives (app data and checkpoints). */
  DATA_DIR: z.string().default("./data"),
  DATABASE_FILE: optional(z.string()),
  /** SQLite durability: "normal" survives a killed process; "full" also survives a power cut, slower. */
  SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
  /** Selects the MongoDB store (production); without it the embedded SQLite file is used. */
  MONGODB_URI: optional(z.string().startsWith("mongodb")),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.string().url()),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /**
   * Multi-instance mode: Socket.IO events travel between instances through Redis Streams, and a
   * conversation's work runs on one instance at a time under a lease in the store.
   */
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "a redis:// or rediss:// URL")),
  /** This instance's name in leases and logs; defaults to host name and process id. */
  INSTANCE_ID: optional(z.string().min(1).max(100)),
  /** How long an instance that died keeps its conversations locked (multi-instance mode). */
  LEASE_TTL_MS: z.coerce.number().int().min(500).default(15_000),
  /**
   * Runs the graph (drafting, routing, checkpoints) in a worker thread, so sockets and the REST API
   * keep the main thread to themselves. "auto": on when the machine has two or more cores.
   */
  GRAPH_WORKER: z.enum(["auto", "on", "off"]).default("auto"),
  /**
   * At most this many graph worker threads (default: one per core). One starts with the server; another
   * starts when every running one is busy, and stays.
   */
  GRAPH_WORKERS: optional(z.coerce.number().int().min(1).max(64)),
  /**
   * With no graph work for this long, and no draft or live chat waiting on a person, the worker threads
   * stop (~75 MB back); a customer typing or the next message starts one again. 0 keeps them up.
   */
  GRAPH_WORKER_IDLE_SECONDS: z.coerce.number().min(0).default(30),
  /** How often pauses are checked against their deadlines. */
  DEADLINE_CHECK_SECONDS: z.coerce.number().min(0.1).default(15),
  /** How often due webhook deliveries are looked for (new events are sent at once besides). */
  WEBHOOK_TICK_MS: z.coerce.number().int().min(50).default(1000),
  /** The first retry of a failed webhook delivery waits this long, doubling each time up to an hour. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  /** Attempts per webhook delivery before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).default(12),
  /** Origins allowed to open the widget and console sockets, besides the server's own. Empty = any. */
  ALLOWED_ORIGINS: origins,
  /** The proxies believed about the client's address (X-Forwarded-For); see trust-proxy.ts. */
  TRUST_PROXY: TrustProxySetting,
  /** How long a stopping server (SIGTERM, SIGINT) waits for requests and graph runs in flight. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).default(25),
  /** Customer messages one widget socket may send per minute; more get a rate_limited ack. 0 = no limit. */
  SOCKET_MESSAGES_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /**
   * Customer messages all widget sockets from one IP may send per minute. Generous by default: many
   * customers can share an office or mobile-carrier address (and a benchmark runs from one). 0 = no limit.
   */
  IP_MESSAGES_PER_MINUTE: z.coerce.number().int().min(0).default(12_000),
  /**
   * Visitor sessions (POST /api/visitor, which starts a conversation) one IP may open per minute; more
   * get a 429. Generous for the same reason as the message budget. 0 = no limit.
   */
  VISITOR_SESSIONS_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Secret the site's backend signs user ids with (HMAC-SHA256, hex) for the widget's identify(). */
  WIDGET_IDENTITY_SECRET: optional(z.string().min(16)),
  BOT_NAME: z.string().default("Assistant"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Passwords for the demo accounts (random when unset). */
  DEMO_AGENT_PASSWORD: optional(z.string().min(8)),
  DEMO_SUPERVISOR_PASSWORD: optional(z.string().min(8)),
  /** Where people reach this server (https://support.example.com): the links in emails and the SSO callback. */
  PUBLIC_URL: optional(
    z
      .string()
      .url()
      .regex(/^https?:\/\//, "an http(s) address"),
  ),
  /** SMTP server for invitation and password-reset emails (smtp:// or smtps://, user:password@ allowed). */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")),
  /** The sender of those emails. */
  MAIL_FROM: z.string().default("Handoff Desk <no-reply@localhost>"),
  /** The sender of replies to customers on the email channel (MAIL_FROM when unset). */
  EMAIL_FROM: optional(z.string().min(3)),
  /** The email channel: customers' replies come back to reply+<signed token>@EMAIL_REPLY_DOMAIN. */
  EMAIL_REPLY_DOMAIN: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "a mail domain, e.g. reply.example.com"),
  ),
  /** Signs the reply addresses (16+ characters; changing it orphans the addresses already sent). */
  EMAIL_REPLY_SECRET: optional(z.string().min(16)),
  /**
   * Optional: a mailbox the email channel reads customers' emails from instead of (or besides) the
   * inbound webhook: imap://user:password@host:143/INBOX or imaps://...:993/INBOX (INBOX when no path).
   */
  IMAP_URL: optional(z.string().regex(/^imaps?:\/\//, "an imap:// or imaps:// URL")),
  /** How often the IMAP mailbox is read for unseen emails. */
  IMAP_POLL_MS: z.coerce.number().int().min(100).default(30_000),
  /** How often due channel deliveries (emails, API channel replies) are looked for; new ones go at once. */
  CHANNEL_TICK_MS: z.coerce.number().int().min(50).default(1000),
  /** The first retry of a failed channel delivery waits this long, doubling each time up to an hour. */
  CHANNEL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  /** Attempts per channel delivery before it is marked failed. */
  CHANNEL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  /** How long an emailed approve / reject / open link works (it stops anyway once the approval is decided). */
  APPROVAL_LINK_HOURS: z.coerce.number().min(0.01).max(720).default(24),
  /** Slack incoming webhook that gets each new approval with Approve / Reject / Open buttons. */
  SLACK_WEBHOOK_URL: optional(z.string().url()),
  /** The Slack app's signing secret: POST /api/slack/interactivity refuses requests it did not sign. */
  SLACK_SIGNING_SECRET: optional(z.string().min(8)),
  /** The first supervisor, created at start when the store has none (containers; see create-admin). */
  ADMIN_EMAIL: optional(z.string().email()),
  ADMIN_PASSWORD: optional(z.string().min(10)),
  /** OpenID Connect single sign-on: the provider's issuer URL and this app's client registration. */
  OIDC_ISSUER: optional(z.string().url()),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  /** The label of the sign-in button. */
  OIDC_LABEL: z.string().default("Single sign-on"),
  /** Seeds the demo help center and demo accounts on first start. */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Settings that only make sense together, checked as a whole (a missing half is a start-up error). */
const ConfigPairs = ConfigSchema.superRefine((config, ctx) => {
  const need = (when: boolean, field: keyof Config, message: string) => {
    if (when && config[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message });
  };
  need(config.SMTP_URL !== undefined, "PUBLIC_URL", "set PUBLIC_URL so emailed links point to this server");
  need(
    config.ADMIN_EMAIL !== undefined,
    "ADMIN_PASSWORD",
    "ADMIN_EMAIL needs ADMIN_PASSWORD (10+ characters)",
  );
  need(
    config.SLACK_WEBHOOK_URL !== undefined,
    "SLACK_SIGNING_SECRET",
    "SLACK_WEBHOOK_URL needs SLACK_SIGNING_SECRET (the buttons' clicks are verified with it)",
  );
  need(
    config.EMAIL_REPLY_DOMAIN !== undefined,
    "EMAIL_REPLY_SECRET",
    "EMAIL_REPLY_DOMAIN needs EMAIL_REPLY_SECRET (16+ characters) to sign reply addresses",
  );
  need(config.EMAIL_REPLY_DOMAIN !== undefined, "SMTP_URL", "EMAIL_REPLY_DOMAIN needs SMTP_URL to send");
  need(
    config.IMAP_URL !== undefined,
    "EMAIL_REPLY_DOMAIN",
    "IMAP_URL needs the email channel (EMAIL_REPLY_DOMAIN)",
  );
  need(config.OIDC_ISSUER !== undefined, "OIDC_CLIENT_ID", "OIDC_ISSUER needs OIDC_CLIENT_ID");
  need(config.OIDC_ISSUER !== undefined, "PUBLIC_URL", "OIDC_ISSUER needs PUBLIC_URL (the sign-in callback)");
});

/** Reads the configuration from an environment; throws a readable error when a value is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigPairs.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`invalid configuration:\n${lines}`);
  }
  return parsed.data;
}

/** The SQLite file to use: DATABASE_FILE, or handoff.db in DATA_DIR (resolved from where npm was run). */
export function databaseFile(config: Pick<Config, "DATABASE_FILE" | "DATA_DIR">): string {
  if (config.DATABASE_FILE) return config.DATABASE_FILE;
  const base = process.env.INIT_CWD ?? process.cwd();
  return path.resolve(base, config.DATA_DIR, "handoff.db");
}
