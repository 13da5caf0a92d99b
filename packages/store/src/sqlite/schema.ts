import type Database from "better-sqlite3";
import { z } from "zod";

/** One forward-only schema step; applied once, in order, and recorded in schema_migrations. */
interface Migration {
  version: number;
  sql: string;
}

// Append new steps at the end; never edit a step that has shipped, files in the wild already ran it.
const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        customer TEXT NOT NULL,
        assignee_id TEXT,
        assignee_name TEXT,
        category TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0,
        last_message_preview TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_updated ON conversations (updated_at);
      CREATE INDEX conversations_status_updated ON conversations (status, updated_at);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        client_id TEXT,
        author TEXT NOT NULL,
        author_name TEXT,
        text TEXT NOT NULL,
        sources TEXT NOT NULL,
        internal INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX messages_conversation_seq ON messages (conversation_id, seq);
      CREATE UNIQUE INDEX messages_conversation_client ON messages (conversation_id, client_id)
        WHERE client_id IS NOT NULL;

      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        status TEXT NOT NULL,
        assignee_id TEXT,
        assignee_name TEXT,
        created_at TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        deadline TEXT NOT NULL,
        deadline_ms INTEGER NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        packet TEXT NOT NULL,
        decision TEXT
      );
      CREATE INDEX reviews_status_created ON reviews (status, created_ms);
      CREATE INDEX reviews_status_deadline ON reviews (status, deadline_ms);
      CREATE INDEX reviews_conversation ON reviews (conversation_id, created_ms);

      CREATE TABLE corrections (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        draft TEXT,
        status TEXT NOT NULL,
        reason TEXT,
        tags TEXT NOT NULL,
        conversation_id TEXT,
        source_key TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        reviewed_by TEXT,
        reviewed_at TEXT
      );
      CREATE UNIQUE INDEX corrections_source_key ON corrections (source_key) WHERE source_key IS NOT NULL;
      CREATE INDEX corrections_status_created ON corrections (status, created_ms);

      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        conversation_id TEXT,
        details TEXT NOT NULL
      );
      CREATE INDEX audit_events_at ON audit_events (at);
      CREATE INDEX audit_events_conversation_at ON audit_events (conversation_id, at);
      CREATE INDEX audit_events_action_at ON audit_events (action, at);

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);

      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        tags TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE leases (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    // What the bot has done with each customer message, and which decisions the graph has applied:
    // the recovery sweep finds its due work through these two partial indexes, never by listing.
    // Messages and decisions stored before this step count as handled (a decided review is checked
    // once more by the first recovery, which only resumes a thread still paused on it).
    version: 3,
    sql: `
      ALTER TABLE messages ADD COLUMN handling TEXT;
      UPDATE messages SET handling = 'routed' WHERE author = 'customer';
      CREATE INDEX messages_queued ON messages (created_at) WHERE handling = 'queued';
      CREATE INDEX messages_waiting ON messages (conversation_id, seq)
        WHERE handling IN ('queued', 'held');
      ALTER TABLE reviews ADD COLUMN resume_due INTEGER NOT NULL DEFAULT 0;
      UPDATE reviews SET resume_due = 1 WHERE status = 'decided';
      CREATE INDEX reviews_resume_due ON reviews (decided_at) WHERE resume_due = 1;
    `,
  },
  {
    // Why an article was held back from the bot at import (JSON KnowledgeScreening); NULL: screened clean.
    version: 4,
    sql: `ALTER TABLE articles ADD COLUMN screening TEXT;`,
  },
  {
    // Managing people: an account can be deactivated (it keeps its history, loses its access), and
    // one-time links invite a new member or let one choose a new password (only a token hash is kept).
    version: 5,
    sql: `
      ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
      CREATE TABLE access_links (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT,
        user_id TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX access_links_open ON access_links (kind, email) WHERE used_at IS NULL AND revoked_at IS NULL;
    `,
  },
  {
    // Teams: the categories they handle, their members and business hours (JSON), one row each.
    version: 6,
    sql: `
      CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        categories TEXT NOT NULL,
        members TEXT NOT NULL,
        hours TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    // Saved replies: a shortcut is unique among the team's replies, and among each agent's own
    // (scope_key is 'team' or 'user:<owner id>'), so an agent's own /refund may shadow the team's.
    version: 7,
    sql: `
      CREATE TABLE saved_replies (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL,
        owner_id TEXT,
        scope_key TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX saved_replies_shortcut ON saved_replies (scope_key, shortcut);
    `,
  },
  {
    // Assignment: whether a person takes new conversations and how many at once, how long a team's
    // members have to accept an offer, and the offers waiting for an answer (one per handoff).
    version: 8,
    sql: `
      ALTER TABLE users ADD COLUMN availability TEXT NOT NULL DEFAULT 'available';
      ALTER TABLE users ADD COLUMN capacity INTEGER NOT NULL DEFAULT 3;
      ALTER TABLE teams ADD COLUMN offer_seconds INTEGER NOT NULL DEFAULT 30;
      CREATE TABLE handoff_offers (
        review_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        team_id TEXT NOT NULL,
        offered_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        expires_ms INTEGER NOT NULL,
        tried TEXT NOT NULL
      );
      CREATE INDEX handoff_offers_expiry ON handoff_offers (expires_ms);
      CREATE INDEX handoff_offers_user ON handoff_offers (user_id);
    `,
  },
  {
    // The console's conversation search: the start of the customer's email or name (expression
    // indexes on the JSON profile), the assigned agent and when a conversation started.
    version: 9,
    sql: `
      CREATE INDEX conversations_customer_email ON conversations (lower(json_extract(customer, '$.email')));
      CREATE INDEX conversations_customer_name ON conversations (lower(json_extract(customer, '$.name')));
      CREATE INDEX conversations_assignee_updated ON conversations (assignee_id, updated_at);
      CREATE INDEX conversations_created ON conversations (created_at);
    `,
  },
  {
    // API keys: the secret is kept only as its SHA-256 hash (unique), with a short prefix to show.
    version: 11,
    sql: `
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        scopes TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
    `,
  },
  {
    // Webhooks: endpoints with their signing secret, and every delivery until it is delivered or
    // given up (pending ones found by their next attempt, so a restart resumes them).
    version: 12,
    sql: `
      CREATE TABLE webhook_endpoints (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        description TEXT NOT NULL,
        events TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        endpoint_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        last_status INTEGER,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_ms);
      CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
    `,
  },
  {
    // Channels: API channels with their signing secret, which channel a conversation is on (none: the
    // widget), and the outbox of replies to email and API customers (one per message and target).
    version: 13,
    sql: `
      CREATE TABLE api_channels (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        webhook_url TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE channel_links (
        conversation_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        channel_id TEXT,
        external_key TEXT,
        address TEXT,
        subject TEXT,
        thread_refs TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX channel_links_external ON channel_links (channel_id, external_key)
        WHERE external_key IS NOT NULL;
      CREATE TABLE channel_deliveries (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        message TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE UNIQUE INDEX channel_deliveries_once ON channel_deliveries (message_id, kind, target);
      CREATE INDEX channel_deliveries_due ON channel_deliveries (status, next_attempt_ms);
      CREATE INDEX channel_deliveries_target ON channel_deliveries (target, created_at);
      CREATE INDEX channel_deliveries_conversation ON channel_deliveries (conversation_id, created_at);
    `,
  },
  {
    // A system message's notice kind and details (JSON), rendered by each channel; null on every other
    // message and on notices written before kinds, which keep their text.
    version: 14,
    sql: `ALTER TABLE messages ADD COLUMN notice TEXT;`,
  },
  {
    // The customer's language (ISO 639-1) as last read from their messages, for the channels that
    // render notices outside the widget; null until known.
    version: 15,
    sql: `ALTER TABLE conversations ADD COLUMN language TEXT;`,
  },
];

/** Every step's version, in the order applied; 10 was never used, so the list has a gap on purpose. */
export const MIGRATION_VERSIONS = migrations.map((m) => m.version);

/** The schema version this code expects; a file written by newer code is refused rather than misread. */
export const SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

const VersionRow = z.object({ version: z.number().int().nullable() });

/** Brings the database up to SCHEMA_VERSION; safe to run on every open. */
export function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  // IMMEDIATE takes the write lock first, so two processes opening one new file cannot both migrate.
  db.transaction(() => {
    const { version } = VersionRow.parse(
      db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get(),
    );
    const current = version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `database schema version ${current} is newer than this build supports (${SCHEMA_VERSION}); upgrade the app`,
      );
    }
    // Every step not recorded yet runs, not only those above the highest: a step that landed after a
    // later-numbered one still runs on a file that already has the later one.
    const applied = new Set(
      db
        .prepare("SELECT version FROM schema_migrations")
        .all()
        .map((row) => VersionRow.parse(row).version),
    );
    const record = db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    for (const step of migrations) {
      if (applied.has(step.version)) continue;
      db.exec(step.sql);
      record.run(step.version, new Date().toISOString());
    }
  }).immediate();
}
