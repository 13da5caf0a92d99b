import { describe, expect, it } from "vitest";
import type { Article } from "@handoff/contracts";
import { KnowledgeIndex } from "./knowledge-index";
import { approvedCorrection } from "./sample-help-center";

const WORDS = [
  "alpine",
  "harbor",
  "quartz",
  "meadow",
  "ember",
  "lantern",
  "cobalt",
  "saffron",
  "tundra",
  "willow",
];

/** A generated help center: every article has a distinct code word pair so each can be found again. */
function helpCenter(size: number, version: number): Article[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `article-${i}`,
    title: `Guide ${i}: ${WORDS[i % 10]} ${WORDS[Math.floor(i / 10) % 10]} settings`,
    tags: ["guide", `v${version}`],
    body: `Version ${version}. The ${WORDS[i % 10]} option sets the ${WORDS[Math.floor(i / 100) % 10]} limit for item ${i}. Open Settings to change it.`,
    updatedAt: "2025-01-01T00:00:00.000Z",
  }));
}

/** A pseudo-word per number, so a help center has thousands of distinct terms (as real ones do). */
function word(n: number): string {
  let text = "";
  let x = (n * 2654435761) % 4294967296;
  for (let k = 0; k < 6; k++) {
    text += "bcdfghklmnprstvz"[x % 16] ?? "";
    x = Math.floor(x / 16) + k * 7919;
    text += "aeiou"[x % 5] ?? "";
  }
  return text;
}

function wordyHelpCenter(size: number, version: number): Article[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `article-${i}`,
    title: `${word(i * 13 + version)} guide`,
    tags: ["guide"],
    body: `${word(i * 7 + version * 3)} ${word(i + version * 100)}.`,
    updatedAt: "2025-01-01T00:00:00.000Z",
  }));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets background work (MiniSearch's vacuuming runs on timers) run and throw if it is going to. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

// Building a 5,000-article index takes seconds on a busy CI machine: these are load tests, not timed.
describe("re-importing a large help center", { timeout: 120_000 }, () => {
  it("survives repeated imports of 5,000 articles and correction churn, and still finds articles", async () => {
    const index = new KnowledgeIndex();
    for (let version = 1; version <= 2; version++) {
      await index.replaceArticles(helpCenter(5000, version));
      for (let c = 0; c < 50; c++) {
        index.upsertCorrection(
          approvedCorrection(`c-${c}`, `Is there a ${WORDS[c % 10]} discount ${c}?`, "No."),
        );
        if (c % 3 === 0) index.removeCorrection(`c-${c}`);
      }
      await settle();
    }
    index.setArticles(helpCenter(5000, 5));
    await settle();
    expect(index.size).toBe(5000 + 33);
    const hit = index.search("What does the quartz option set?").hits[0];
    expect(hit?.text).toContain("Version 5.");
  });

  it("survives imports that follow each other faster than a search index can clean up", async () => {
    // Re-importing while MiniSearch 7.2 vacuums discarded documents crashed the process
    // (lucaong/minisearch#306): this sequence threw from TreeIterator.dive on the old index.
    const index = new KnowledgeIndex();
    for (let version = 1; version <= 30; version++) {
      if (version % 2 === 0) index.setArticles(wordyHelpCenter(1200, version));
      else await index.replaceArticles(wordyHelpCenter(1200, version), 400);
      index.upsertCorrection(approvedCorrection(`c-${version % 7}`, `Is ${word(version)} free?`, "Yes."));
      await pause(3 + (version % 13));
    }
    await settle();
    expect(index.search(`${word(7 * 13 + 30)} guide`).hits[0]?.id).toBe("article-7");
  });

  it("when imports overlap, the one started last is what is searched", async () => {
    const index = new KnowledgeIndex();
    await Promise.all([
      index.replaceArticles(helpCenter(3000, 1)),
      index.replaceArticles(helpCenter(2000, 2)),
      index.replaceArticles(helpCenter(1000, 3)),
    ]);
    await settle();
    expect(index.size).toBe(1000);
    expect(index.search("What does the ember option set?").hits[0]?.text).toContain("Version 3.");
  });

  it("keeps answering from the old articles while a new import is being built", async () => {
    const index = new KnowledgeIndex();
    index.setArticles(helpCenter(500, 1));
    const importing = index.replaceArticles(helpCenter(2000, 2), 100);
    await new Promise((resolve) => setImmediate(resolve));
    expect(index.search("What does the meadow option set?").hits[0]?.text).toContain("Version 1.");
    await importing;
    expect(index.search("What does the meadow option set?").hits[0]?.text).toContain("Version 2.");
  });
});
