import type { Article } from "@handoff/contracts";
import { detectTextLanguage } from "../policy/language/detect-language";
import type { Store } from "../ports";

/** How many articles are read to tell the help center's language, and how much of each. */
const SAMPLE_ARTICLES = 40;
const SAMPLE_CHARS = 1500;

/**
 * The language most of the help center's articles are written in (ISO 639-1), or null when there
 * are no articles or none reads as one language. Each sampled article votes; Markdown is stripped.
 */
export async function detectHelpCenterLanguage(
  articles: readonly Pick<Article, "title" | "body">[],
): Promise<string | null> {
  const votes = new Map<string, number>();
  const step = Math.max(1, Math.floor(articles.length / SAMPLE_ARTICLES));
  for (let i = 0; i < articles.length; i += step) {
    const article = articles[i];
    if (!article) continue;
    const text = `${article.title}. ${article.body.slice(0, SAMPLE_CHARS)}`
      .replace(/```[\s\S]*?```|`[^`]*`|\[([^\]]*)\]\([^)]*\)|[#>*_|-]+/g, " $1 ")
      .replace(/\s+/g, " ");
    const code = await detectTextLanguage(text);
    if (code) votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** How long a detected language is trusted before the articles are read again (an import elsewhere may change them). */
const REFRESH_MS = 10 * 60_000;
/**
 * How often the number of articles is looked at. Every message asks for the language (one SQLite count
 * per message was ~3% of a graph worker's store time); an import here or on another instance also
 * invalidates at once, so this only bounds how late an unannounced change is seen.
 */
const COUNT_CHECK_MS = 1000;

/**
 * The help center's language for the graph, detected from the stored articles on first use and
 * again when their number changes (looked at once a second), after a while, or when told (an import).
 */
export class HelpCenterLanguage {
  private known: {
    count: number;
    at: number;
    countedAt: number;
    language: Promise<string | null>;
  } | null = null;

  constructor(
    private readonly store: { articles: Pick<Store["articles"], "list" | "count"> },
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets the detected language (call after importing articles). */
  invalidate(): void {
    this.known = null;
  }

  async get(): Promise<string | null> {
    const now = this.now();
    const known = this.known && now - this.known.at < REFRESH_MS ? this.known : null;
    if (known && now - known.countedAt < COUNT_CHECK_MS) return known.language;
    const count = await this.store.articles.count();
    // Still the one read before the count (no invalidation meanwhile) and the same number of articles.
    if (known && known === this.known && known.count === count) {
      known.countedAt = now;
      return known.language;
    }
    const language = this.store.articles.list().then(detectHelpCenterLanguage);
    this.known = { count, at: now, countedAt: now, language };
    // A failed read is not remembered: the next message tries again.
    language.catch(() => {
      if (this.known?.language === language) this.known = null;
    });
    return language;
  }
}
