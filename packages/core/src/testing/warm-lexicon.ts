import { englishLexicon } from "../retrieval/lexicon/english-lexicon-data";

/**
 * Vitest global setup: derives the WordNet table once before any test runs. On a fresh machine the
 * derivation takes seconds, which would otherwise land inside whichever test first builds an index.
 */
export function setup(): void {
  englishLexicon();
}
