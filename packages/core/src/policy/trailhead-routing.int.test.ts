import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Route, type Article } from "@handoff/contracts";
import { OfflineModel } from "../models/offline";
import { KnowledgeIndex } from "../retrieval";
import { approvedCorrection } from "../retrieval/sample-help-center";
import { DEFAULT_SETTINGS } from "../settings";
import { assessRisk } from "./risk-rules";
import { buildConfidence } from "./confidence";
import { decideRoute } from "./route-policy";

// The evaluation set lives beside the repository (../shared/eval/trailhead from the repo root).
const EVAL_DIR = fileURLToPath(new URL("../../../../../shared/eval/trailhead/", import.meta.url));
const present = existsSync(EVAL_DIR);
if (!present) console.warn(`trailhead routing test skipped: evaluation set not found at ${EVAL_DIR}`);

const CaseShape = z.object({
  id: z.string(),
  question: z.string(),
  expect: z.object({
    route: z.union([Route, z.array(Route)]),
    sources: z.array(z.string()).optional(),
    risk: z.boolean().optional(),
  }),
});
type Case = z.infer<typeof CaseShape>;
const CorrectionShape = z.object({ id: z.string(), question: z.string(), answer: z.string() });
interface Outcome {
  c: Case;
  route: Route;
  sources: string[];
  score: number;
}

/** Reads kb/*.md: YAML front matter with `title` and a flow list of `tags`; the file name is the id. */
function loadArticles(): Article[] {
  const dir = `${EVAL_DIR}kb`;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}/${file}`, "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      const front = match?.[1] ?? "";
      const field = (name: string): string =>
        new RegExp(`^${name}:\\s*(.*)$`, "m").exec(front)?.[1]?.trim() ?? "";
      const tags = field("tags")
        .replace(/^\[|\]$/g, "")
        .split(",")
        .map((t) => t.trim().replace(/^["']|["']$/g, ""))
        .filter((t) => t.length > 0);
      const title = field("title").replace(/^["']|["']$/g, "");
      return {
        id: file.replace(/\.md$/, ""),
        title,
        tags,
        body: (match?.[2] ?? text).trim(),
        updatedAt: "2025-01-01T00:00:00.000Z",
      };
    });
}

function readJsonl(name: string): unknown[] {
  return readFileSync(`${EVAL_DIR}${name}`, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l): unknown => JSON.parse(l));
}

function loadCases(name: string): Case[] {
  return readJsonl(name).map((raw) => CaseShape.parse(raw));
}

const model = new OfflineModel();

/** The graph's routing path without the graph: retrieve, draft, assess, route. */
async function run(index: KnowledgeIndex, cases: readonly Case[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const c of cases) {
    const retrieval = index.search(c.question);
    const draft = await model.draft({
      question: c.question,
      turns: [],
      summary: "",
      retrieval,
      guidance: [],
    });
    const flags = assessRisk(c.question);
    const confidence = buildConfidence({ draft, retrieval, flags });
    const { route } = decideRoute({
      confidence,
      flags,
      outOfScope: draft.outOfScope,
      thresholds: DEFAULT_SETTINGS.thresholds,
    });
    out.push({ c, route, sources: draft.drafts[0]?.sourceIds ?? [], score: confidence.score });
  }
  return out;
}

const allowed = (c: Case): Route[] => [c.expect.route].flat();
const citesExpected = (o: Outcome): boolean => (o.c.expect.sources ?? []).some((s) => o.sources.includes(s));

/** The scorer's numbers (eval/score.mjs): automation, precision of what was auto-sent, risky auto-sent. */
function score(outcomes: readonly Outcome[], acceptableAuto: (o: Outcome) => boolean = () => false) {
  const expectedAuto = outcomes.filter((o) => allowed(o.c).includes("auto"));
  const autoSent = outcomes.filter((o) => o.route === "auto");
  const correct = autoSent.filter((o) => allowed(o.c).includes("auto") && citesExpected(o));
  const acceptable = autoSent.filter((o) => !correct.includes(o) && acceptableAuto(o));
  return {
    automation: correct.length / Math.max(1, expectedAuto.length),
    precision: autoSent.length === 0 ? 1 : (correct.length + acceptable.length) / autoSent.length,
    riskyAuto: autoSent.filter((o) => o.c.expect.risk === true).length,
    // Cases that must not be automated but landed on a route they do not allow.
    wrongRoutes: outcomes
      .filter((o) => !allowed(o.c).includes("auto") && !allowed(o.c).includes(o.route))
      .filter((o) => !(o.route === "auto" && acceptableAuto(o)))
      .map((o) => `${o.c.id}:${o.route}`),
    misses: expectedAuto.filter((o) => !correct.includes(o)).map((o) => `${o.c.id}:${o.route}@${o.score}`),
  };
}

// Each test indexes the help center and reads WordNet's tables: seconds on a busy machine, so the
// timeout is generous (speed is the benchmark's business).
describe.skipIf(!present)("routing quality on the trailhead help center", { timeout: 60_000 }, () => {
  const articles = present ? loadArticles() : [];

  it("automates most answerable questions, sends nothing wrong and never auto-sends a risky request", async () => {
    const index = new KnowledgeIndex();
    index.setArticles(articles);
    const result = score(await run(index, loadCases("cases.jsonl")));
    console.info("trailhead cases:", JSON.stringify(result));
    // Issue 13's bar: 0.60 at precision 0.98 with retrieval that knows nothing of this help center
    // (0.44 when the hand-written synonyms gave way to WordNet; the old 0.75 rode on them).
    expect(result.automation).toBeGreaterThanOrEqual(0.6);
    expect(result.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.riskyAuto).toBe(0);
    // Every case that must not be automated lands on one of its allowed routes (handoff where only handoff is allowed).
    expect(result.wrongRoutes).toEqual([]);
  });

  it("answers paraphrases of approved corrections, not near misses, and keeps the cases as good", async () => {
    const index = new KnowledgeIndex();
    index.setArticles(articles);
    const corrections = readJsonl("corrections.jsonl").map((raw) => {
      const c = CorrectionShape.parse(raw);
      return approvedCorrection(c.id, c.question, c.answer);
    });
    index.setCorrections(corrections);
    const correctionIds = new Set(corrections.map((c) => c.id));

    const probes = await run(index, loadCases("feedback-cases.jsonl"));
    const answerable = probes.filter((o) => allowed(o.c).includes("auto"));
    const answered = answerable.filter((o) => o.route === "auto" && citesExpected(o));
    console.info(
      "trailhead feedback probes:",
      `${answered.length}/${answerable.length} answered from the right correction`,
    );
    expect(answered.length).toBeGreaterThanOrEqual(Math.ceil(0.9 * answerable.length));
    const nearMisses = probes.filter((o) => !allowed(o.c).includes("auto"));
    expect(nearMisses.filter((o) => o.route === "auto").map((o) => o.c.id)).toEqual([]);

    // A question the articles could not answer may now be auto-answered from an approved correction
    // (a person wrote and approved that answer); anything else keeps the plain cases' bar.
    const fromCorrection = (o: Outcome): boolean =>
      o.c.expect.risk !== true && o.sources.some((s) => correctionIds.has(s));
    const withCorrections = score(await run(index, loadCases("cases.jsonl")), fromCorrection);
    const plainIndex = new KnowledgeIndex();
    plainIndex.setArticles(articles);
    const plain = score(await run(plainIndex, loadCases("cases.jsonl")));
    console.info("trailhead cases with corrections:", JSON.stringify(withCorrections));
    expect(withCorrections.automation).toBeGreaterThanOrEqual(plain.automation);
    expect(withCorrections.precision).toBeGreaterThanOrEqual(0.97);
    expect(withCorrections.riskyAuto).toBe(0);
    expect(withCorrections.wrongRoutes).toEqual([]);
  });
});
