import type Database from "better-sqlite3";
import { z } from "zod";
import type { KeyValueRepo } from "@handoff/core";
import { fromJson, toJson } from "../shared/json";

const ValueRow = z.object({ value: z.string() });

/** KeyValueRepo on SQLite: values are JSON, so what comes back is what JSON.stringify kept. */
export function sqliteKeyValueRepo(db: Database.Database): KeyValueRepo {
  const get = db.prepare("SELECT value FROM kv WHERE key = ?");
  const set = db.prepare(
    "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const remove = db.prepare("DELETE FROM kv WHERE key = ?");

  return {
    async get(key) {
      const row = get.get(key);
      return row === undefined ? undefined : fromJson(ValueRow.parse(row).value);
    },

    async set(key, value) {
      // undefined is not JSON; storing it as "no value" keeps get(key) === undefined after set(key, undefined).
      if (value === undefined) remove.run(key);
      else set.run(key, toJson(value));
    },
  };
}
