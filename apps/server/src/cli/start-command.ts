import { loadConfig } from "../app/config";
import { startServer } from "../app/start-server";
import { ensureFirstAdmin } from "../seed/first-admin";
import { seedDemo } from "../seed/seed-demo";
import { exitOnStopSignals } from "./stop-signals";

/** `npm start`: serve REST + Socket.IO, seeding the demo help center and accounts on first start. */
export async function startCommand(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const { logger } = server.platform;
  // Before the demo seed, which makes its accounts only in a store that has none.
  const admin = await ensureFirstAdmin(server.platform, config);
  if (admin) logger.info({ email: admin }, "created the first supervisor from ADMIN_EMAIL");
  if (config.SEED_DEMO) {
    const accounts = await seedDemo(server.platform, {
      agent: config.DEMO_AGENT_PASSWORD,
      supervisor: config.DEMO_SUPERVISOR_PASSWORD,
    });
    if (accounts) {
      // Printed once, on the first start: the passwords are random and stored only as hashes.
      console.log(
        [
          "",
          "Demo accounts (shown once; the passwords are random and stored only as hashes):",
          `  agent       ${accounts.agent.email}  password: ${accounts.agent.password}`,
          `  supervisor  ${accounts.supervisor.email}  password: ${accounts.supervisor.password}`,
          "",
        ].join("\n"),
      );
    }
  }
  logger.info({ url: server.url, model: server.platform.model.name }, "handoff desk is listening");
  exitOnStopSignals(
    (timeoutMs) => server.stop({ timeoutMs }),
    config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    logger,
  );
}
