import type { EvalFact } from "./eval-files";
import { missingFacts } from "./score-report";

/** A piece of an article a passage is built from: a sentence of a paragraph, a list item, a table row. */
export interface ArticleUnit {
  text: string;
  kind: "sentence" | "item" | "row";
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}/;
const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits an article's Markdown body into units, in order: paragraphs into sentences (Intl's sentence
 * segmenter), each list item with its continuation lines, each table row after its header; headings
 * and table rules are left out (they state nothing on their own).
 */
export function articleUnits(body: string): ArticleUnit[] {
  const units: ArticleUnit[] = [];
  let paragraph: string[] = [];
  let item: string[] | null = null;
  const flush = () => {
    if (item) units.push({ text: item.join(" "), kind: "item" });
    item = null;
    const text = paragraph.join(" ").trim();
    paragraph = [];
    for (const { segment } of sentences.segment(text))
      if (segment.trim()) units.push({ text: segment.trim(), kind: "sentence" });
  };
  for (const line of body.split(/\r?\n/)) {
    if (!line.trim() || HEADING.test(line)) {
      flush();
    } else if (LIST_ITEM.test(line)) {
      flush();
      item = [line.replace(LIST_ITEM, "").trim()];
    } else if (line.trim().startsWith("|")) {
      flush();
      if (!TABLE_RULE.test(line)) units.push({ text: line.trim(), kind: "row" });
    } else if (item && /^\s/.test(line)) {
      item.push(line.trim());
    } else {
      if (item) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return units;
}

/** A passage that states a case's facts, and the article it was taken from. */
export interface FactPassage {
  articleId: string;
  text: string;
}

/**
 * The shortest passage of the articles that states every fact: a single unit (sentence, list item or
 * table row) where one does, else the shortest run of consecutive units of one article. Null when no
 * article states them all. Facts are matched as the scorer matches them in an answer.
 */
export function passageStating(
  facts: readonly EvalFact[],
  articles: readonly { id: string; body: string }[],
): FactPassage | null {
  let best: FactPassage | null = null;
  for (const article of articles) {
    const units = articleUnits(article.body);
    for (let start = 0; start < units.length; start++) {
      for (let end = start + 1; end <= units.length; end++) {
        const text = joinUnits(units.slice(start, end));
        if (best && text.length >= best.text.length) break;
        if (missingFacts(facts, text).length === 0) {
          best = { articleId: article.id, text };
          break;
        }
      }
    }
  }
  return best;
}

function joinUnits(units: readonly ArticleUnit[]): string {
  return units
    .map(
      (u, i) =>
        (i === 0 ? "" : u.kind === "sentence" && units[i - 1]?.kind === "sentence" ? " " : "\n") + u.text,
    )
    .join("");
}
