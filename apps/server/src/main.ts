import { setFlagsFromString } from "node:v8";
import { createAdminCommand } from "./cli/create-admin-command";
import { evalCommand } from "./cli/eval-command";
import { importKbCommand } from "./cli/import-kb-command";
import { startCommand } from "./cli/start-command";

// Idle memory: V8 drops a function's bytecode (and, with this flag, its baseline code) only once the
// function has gone unused through 5 full collections, and an idle server runs few, so what ran only
// at start-up (the libraries' set-up, migrations, the seed, the index build) stayed compiled in both
// threads. Aged out after one unused collection instead: ~7 MB of the graph worker's heap and ~2 MB
// of this thread's. A function dropped is compiled again when it next runs. V8's flags are the
// process's: set before the graph worker starts, they hold in it too.
setFlagsFromString("--bytecode-old-age=1");
setFlagsFromString("--flush-baseline-code");

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
