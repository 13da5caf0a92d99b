import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { z } from "zod";

/** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA, as axe-core tags them. */
export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const Violations = z.array(
  z.object({
    id: z.string(),
    impact: z.string().nullable().optional(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.unknown()), failureSummary: z.string().optional() })),
  }),
);

// Evaluated, not added as a <script>: the apps' content security policy refuses inline scripts.
const RUN = `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG_AA)} }, iframes: false })
  .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`;

/**
 * axe-core's WCAG 2.2 AA violations on the page as it is now, in the page and in every frame it holds
 * (the widget's chat is an iframe), one line per failing element; empty when axe finds none.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame.url() === "about:blank") continue;
    const loaded: unknown = await frame.evaluate(`typeof axe !== "undefined"`);
    if (loaded !== true) await frame.evaluate(AXE_SOURCE);
    const violations = Violations.parse(await frame.evaluate(RUN));
    for (const v of violations) {
      for (const node of v.nodes) {
        const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").trim();
        lines.push(`${v.id} (${v.impact ?? "?"}) ${JSON.stringify(node.target)}: ${v.help}. ${summary}`);
      }
    }
  }
  return lines;
}
