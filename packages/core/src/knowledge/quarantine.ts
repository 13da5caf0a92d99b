import { setImmediate as nextTurn } from "node:timers/promises";
import type { Article, Correction } from "@handoff/contracts";
import { screenKnowledge } from "../policy";

/** Articles screened between event-loop turns, so a large import never stalls sockets. */
const CHUNK = 50;

/** Whether the bot may search and answer from an article (not quarantined). */
export const isLive = (article: Article): boolean => article.screening?.status !== "quarantined";

/** Why a text would be held back, one sentence per finding (none when it is ordinary knowledge). */
export const screenReasons = (text: string): string[] => screenKnowledge(text).map((f) => f.reason);

/** Why a correction would be held back: its question and answer are screened together. */
export const screenCorrection = (correction: Pick<Correction, "question" | "answer">): string[] =>
  screenReasons(`${correction.question}\n${correction.answer}`);

/**
 * Each article with its screening: none when clean, quarantined with reasons when it instructs the
 * bot. An article a supervisor released keeps its release while its text is unchanged, so re-importing
 * the same folder does not quarantine it again; any change is screened afresh.
 */
export async function screenArticles(
  articles: readonly Article[],
  stored: (id: string) => Promise<Article | null>,
): Promise<Article[]> {
  const screened: Article[] = [];
  for (const [i, input] of articles.entries()) {
    if (i > 0 && i % CHUNK === 0) await nextTurn();
    // A screening never comes in with an import: the screen decides it.
    const { id, title, tags, body, updatedAt } = input;
    const article: Article = { id, title, tags, body, updatedAt };
    const reasons = screenReasons(`${article.title}\n${article.body}`);
    if (reasons.length === 0) {
      screened.push(article);
      continue;
    }
    const previous = await stored(article.id);
    if (previous?.screening?.status === "released" && sameText(previous, article)) {
      screened.push({ ...article, screening: previous.screening });
      continue;
    }
    screened.push({
      ...article,
      screening: { status: "quarantined", reasons, at: new Date().toISOString(), releasedBy: null },
    });
  }
  return screened;
}

const sameText = (a: Article, b: Article) => a.title === b.title && a.body === b.body;
