import { randomUUID } from "node:crypto";
import { openMongoStore } from "@handoff/store";
import type { PlatformOverrides } from "../app/create-platform";

/** One store a server test can run on. */
export interface StoreVariant {
  name: string;
  /** Overrides for startTestServer: a fresh store each call. */
  overrides: () => Promise<PlatformOverrides>;
}

/** SQLite always, and MongoDB (a fresh database per server) when MONGODB_URI is set. */
export function storeVariants(dbPrefix: string): StoreVariant[] {
  const variants: StoreVariant[] = [{ name: "SQLite", overrides: async () => ({}) }];
  const uri = process.env.MONGODB_URI;
  if (uri) {
    variants.push({
      name: "MongoDB",
      overrides: async () => ({
        storage: await openMongoStore({ uri, dbName: `${dbPrefix}_${randomUUID().slice(0, 8)}` }),
      }),
    });
  }
  return variants;
}
