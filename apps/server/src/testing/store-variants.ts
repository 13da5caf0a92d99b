import { randomUUID } from "node:crypto";
import { openMongoStore } from "@handoff/store";
import type { PlatformOverrides } from "../app/create-platform";

/** One store a server test can run on. */
export interface StoreVariant {
  name: string;
  /** Overrides for startTestServer: a fresh store each call. */
  overrides: () => Promise<PlatformOverrides>;
  /**
   * A fresh store for a restart test: every call of the returned function opens that same store again
   * (SQLite's lives in the server's data dir, so reusing the dir is enough).
   */
  reopenable: () => () => Promise<PlatformOverrides>;
}

/** SQLite always, and MongoDB (a fresh database per server) when MONGODB_URI is set. */
export function storeVariants(dbPrefix: string): StoreVariant[] {
  const variants: StoreVariant[] = [
    { name: "SQLite", overrides: async () => ({}), reopenable: () => async () => ({}) },
  ];
  const uri = process.env.MONGODB_URI;
  if (uri) {
    const fresh = () => `${dbPrefix}_${randomUUID().slice(0, 8)}`;
    variants.push({
      name: "MongoDB",
      overrides: async () => ({ storage: await openMongoStore({ uri, dbName: fresh() }) }),
      reopenable: () => {
        const dbName = fresh();
        return async () => ({ storage: await openMongoStore({ uri, dbName }) });
      },
    });
  }
  return variants;
}
