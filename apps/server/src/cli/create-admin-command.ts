import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "../app/config";
import { createPlatform } from "../app/create-platform";

const USAGE = "usage: npm run create-admin -- --email you@example.com [--name 'Your Name']";

/**
 * `npm run create-admin -- --email E [--name N]`: the first supervisor of a new installation. The
 * password is ADMIN_PASSWORD when set, else a random one printed once (change it under Account).
 * Refused once the store has an active supervisor: they invite everyone else from the console.
 */
export async function createAdminCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (!values.email) throw new Error(USAGE);
  const config = loadConfig();
  const password = config.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const platform = await createPlatform({ ...config, LOG_LEVEL: "warn", GRAPH_WORKER: "off" });
  try {
    const admin = await platform.people.createFirstAdmin({
      email: values.email,
      name: values.name,
      password,
    });
    console.log(`created supervisor ${admin.email}`);
    if (!config.ADMIN_PASSWORD)
      console.log(`password (shown once; change it in the console under Account): ${password}`);
  } finally {
    await platform.close();
  }
}
