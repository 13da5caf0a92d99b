import type { Article, Settings } from "@handoff/contracts";

/** Answers drawn from an approved correction are filed under this category by the offline answerer. */
export const CORRECTIONS_CATEGORY = "corrections";

/**
 * The categories a supervisor can filter or tune by: the bot files a question under the first tag of
 * the article it drew on, so those, plus every category the settings already mention.
 */
export function categoryOptions(
  articles: ReadonlyArray<Pick<Article, "tags">>,
  settings: Pick<Settings, "categoryThresholds" | "softGateCategories" | "shadowCategories"> | null,
): string[] {
  const names = new Set<string>([CORRECTIONS_CATEGORY]);
  for (const article of articles) {
    const first = article.tags[0]?.trim();
    if (first) names.add(first);
  }
  if (settings) {
    for (const name of Object.keys(settings.categoryThresholds)) names.add(name);
    for (const name of [...settings.softGateCategories, ...settings.shadowCategories]) names.add(name);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
