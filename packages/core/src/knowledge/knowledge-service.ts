import type { Actor, Article } from "@handoff/contracts";
import type { Store } from "../ports";
import { KnowledgeIndex } from "../retrieval";

/** Keeps the search index in step with the stored articles and approved corrections. */
export class KnowledgeService {
  readonly index = new KnowledgeIndex();

  constructor(private readonly store: Store) {}

  /** Loads everything from the store into the index (at start-up). */
  async load(): Promise<void> {
    this.index.setArticles(await this.store.articles.list());
    this.index.setCorrections(await this.store.corrections.list({ status: "approved", limit: 100_000 }));
  }

  /** Stores articles (replacing same ids), re-indexes and audits the import. */
  async importArticles(articles: Article[], actor: Actor): Promise<{ imported: string[]; total: number }> {
    await this.store.articles.upsertMany(articles);
    this.index.setArticles(await this.store.articles.list());
    const total = await this.store.articles.count();
    const imported = articles.map((a) => a.id);
    await this.store.audit.append({
      actor,
      action: "kb.imported",
      conversationId: null,
      details: { imported, total },
    });
    return { imported, total };
  }

  /** Re-reads approved corrections so a newly approved or retired one takes effect at once. */
  async refreshCorrections(): Promise<void> {
    this.index.setCorrections(await this.store.corrections.list({ status: "approved", limit: 100_000 }));
  }
}
