import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { helpCenterHtml, parseArticle } from "./help-center-html.ts";

/** The server's demo help center, so the demo page shows the same articles the bot cites. */
const DEMO_KB = fileURLToPath(new URL("../../../server/demo-kb/", import.meta.url));

/** Fills `<!--help-center-->` in demo.html with the demo knowledge base's articles at build time. */
export function demoHelpCenter(dir = DEMO_KB): Plugin {
  return {
    name: "handoff-demo-help-center",
    transformIndexHtml(html) {
      if (!html.includes("<!--help-center-->")) return html;
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md")) : [];
      const articles = files
        .sort()
        .map((f) => parseArticle(path.basename(f, ".md"), readFileSync(path.join(dir, f), "utf8")));
      return html.replace("<!--help-center-->", helpCenterHtml(articles));
    },
  };
}
