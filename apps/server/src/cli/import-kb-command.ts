import path from "node:path";
import { loadConfig } from "../app/config";
import { createPlatform } from "../app/create-platform";
import { readKbFolder } from "../knowledge/read-kb-folder";

/** `npm run import-kb -- DIR`: imports a folder of Markdown articles into the configured store. */
export async function importKbCommand(args: string[]): Promise<void> {
  const dir = args[0];
  if (!dir) throw new Error("usage: npm run import-kb -- DIR");
  const articles = await readKbFolder(path.resolve(process.env.INIT_CWD ?? process.cwd(), dir));
  // A one-off import has no graph runs to spread over cores.
  const platform = await createPlatform({ ...loadConfig(), LOG_LEVEL: "warn", GRAPH_WORKER: "off" });
  try {
    const result = await platform.knowledge.importArticles(articles, {
      type: "system",
      id: null,
      name: "cli",
    });
    console.log(`imported ${result.imported.length} articles (${result.total} in the help center)`);
    // Held back from the bot until a supervisor releases them (console: Quarantine).
    for (const held of result.quarantined) console.log(`quarantined ${held.id}: ${held.reasons.join("; ")}`);
  } finally {
    await platform.close();
  }
}
