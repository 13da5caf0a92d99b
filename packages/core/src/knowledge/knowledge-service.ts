import type { Actor, Article } from "@handoff/contracts";
import type { Store } from "../ports";
import { KnowledgeIndex } from "../retrieval";

/** Keeps the search index in step with the stored articles and approved corrections. */
export class KnowledgeService {
  readonly index = new KnowledgeIndex();
  private readonly changeListeners: (() => void)[] = [];

  constructor(private readonly store: Store) {}

  /** Called after this instance changes what is indexed (to tell other instances to reload). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Loads everything from the store into the index (at start-up, and when another instance changed it). */
  async load(): Promise<void> {
    await this.index.replaceArticles(await this.store.articles.list());
    this.index.setCorrections(await this.store.corrections.list({ status: "approved", limit: 100_000 }));
  }

  /** Stores articles (replacing same ids), re-indexes and audits the import. */
  async importArticles(articles: Article[], actor: Actor): Promise<{ imported: string[]; total: number }> {
    await this.store.articles.upsertMany(articles);
    await this.index.replaceArticles(await this.store.articles.list());
    this.changed();
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
    this.changed();
  }
}
