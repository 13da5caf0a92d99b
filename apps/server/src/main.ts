import { createAdminCommand } from "./cli/create-admin-command";
import { evalCommand } from "./cli/eval-command";
import { importKbCommand } from "./cli/import-kb-command";
import { startCommand } from "./cli/start-command";

const [command = "start", ...args] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  start: () => startCommand(),
  eval: evalCommand,
  "import-kb": importKbCommand,
  "create-admin": createAdminCommand,
};

const run = commands[command];
if (!run) {
  console.error(`unknown command "${command}"; use one of: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
run(args).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
