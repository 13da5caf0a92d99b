import type {
  Actor,
  Article,
  AuditDetailsInput,
  KnowledgeScreening,
  QuarantineList,
} from "@handoff/contracts";
import { DomainError } from "../errors";
import type { Store } from "../ports";
import { KnowledgeIndex } from "../retrieval";
import { isLive, screenArticles, screenCorrection } from "./quarantine";

/**
 * Bump when the screen learns something new: knowledge stored before is screened once more at the
 * next start (released articles stay released).
 */
const SCREEN_VERSION = 1;
const SCREENED_MARKER = "knowledge.screened";

/** An article held back at import and why. */
export interface QuarantinedArticle {
  id: string;
  reasons: string[];
}

/**
 * Keeps the search index in step with the stored articles and approved corrections. Articles that
 * instruct the bot or ask for secrets are quarantined at import: stored with their reasons for a
 * supervisor, never indexed, so never retrieved or answered from, until a supervisor releases them.
 */
export class KnowledgeService {
  readonly index: KnowledgeIndex;
  private readonly changeListeners: (() => void)[] = [];

  /**
   * `searchedElsewhere`: this thread keeps the index in step but the graph searches another copy (a
   * graph worker's), so the articles are built into it only if something here ever searches it.
   */
  constructor(
    private readonly store: Store,
    options: { searchedElsewhere?: boolean } = {},
  ) {
    this.index = new KnowledgeIndex("en", { buildOnFirstRead: options.searchedElsewhere ?? false });
  }

  /** Called after this instance changes what is indexed (to tell other instances to reload). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Loads everything from the store into the index (at start-up, and when another instance changed it). */
  async load(): Promise<void> {
    await this.screenStored();
    await this.reindexArticles();
    this.index.setCorrections(await this.store.corrections.list({ status: "approved", limit: 100_000 }));
  }

  /** Stores articles (replacing same ids), quarantining those that instruct the bot, re-indexes and audits. */
  async importArticles(
    articles: Article[],
    actor: Actor,
  ): Promise<{ imported: string[]; total: number; quarantined: QuarantinedArticle[] }> {
    const screened = await screenArticles(articles, (id) => this.store.articles.get(id));
    await this.store.articles.upsertMany(screened);
    await this.reindexArticles();
    this.changed();
    const total = await this.store.articles.count();
    const imported = articles.map((a) => a.id);
    const quarantined = screened.flatMap((a) =>
      a.screening?.status === "quarantined" ? [{ id: a.id, reasons: a.screening.reasons }] : [],
    );
    await this.store.audit.append({
      actor,
      action: "kb.imported",
      conversationId: null,
      details: { imported, total, quarantined: quarantined.map((q) => q.id) },
    });
    for (const held of quarantined)
      await this.auditQuarantine(actor, { articleId: held.id, reasons: held.reasons });
    return { imported, total, quarantined };
  }

  /** Re-reads approved corrections so a newly approved or retired one takes effect at once. */
  async refreshCorrections(): Promise<void> {
    this.index.setCorrections(await this.store.corrections.list({ status: "approved", limit: 100_000 }));
    this.changed();
  }

  /** What is held back for a supervisor: quarantined articles and corrections, each with its reasons. */
  async quarantine(): Promise<QuarantineList> {
    const articles = (await this.store.articles.list()).filter((a) => a.screening?.status === "quarantined");
    const corrections = await this.store.corrections.list({ status: "quarantined", limit: 1000 });
    return { articles, corrections };
  }

  /** A supervisor vouches for a quarantined article: it is searched and answered from again (audited). */
  async releaseArticle(id: string, actor: Actor): Promise<Article> {
    const article = await this.store.articles.get(id);
    if (!article) throw new DomainError("not_found", `article ${id} not found`);
    if (article.screening?.status !== "quarantined")
      throw new DomainError("illegal_transition", `article ${id} is not quarantined`);
    const released: KnowledgeScreening = {
      ...article.screening,
      status: "released",
      at: new Date().toISOString(),
      releasedBy: actor.name ?? actor.id,
    };
    const updated = await this.store.articles.setScreening(id, released);
    if (!updated) throw new DomainError("not_found", `article ${id} not found`);
    await this.reindexed(actor, "knowledge.released", { articleId: id, reasons: released.reasons });
    return updated;
  }

  /** Deletes an article, quarantined or not (audited with its title and any quarantine reasons). */
  async deleteArticle(id: string, actor: Actor): Promise<void> {
    const article = await this.store.articles.get(id);
    if (!article || !(await this.store.articles.delete(id)))
      throw new DomainError("not_found", `article ${id} not found`);
    const reasons = article.screening?.reasons ?? [];
    await this.reindexed(actor, "knowledge.deleted", { articleId: id, title: article.title, reasons });
  }

  private async reindexArticles(): Promise<void> {
    await this.index.replaceArticles((await this.store.articles.list()).filter(isLive));
  }

  /** After a supervisor's change: the index and other instances catch up, and the change is audited. */
  private async reindexed(
    actor: Actor,
    action: "knowledge.released" | "knowledge.deleted",
    details: AuditDetailsInput<"knowledge.released">,
  ): Promise<void> {
    await this.reindexArticles();
    this.changed();
    await this.store.audit.append({ actor, action, conversationId: null, details });
  }

  private async auditQuarantine(
    actor: Actor,
    details: AuditDetailsInput<"knowledge.quarantined">,
  ): Promise<void> {
    await this.store.audit.append({ actor, action: "knowledge.quarantined", conversationId: null, details });
  }

  /**
   * Knowledge stored before the screen existed (or before its last change) is screened once: a
   * planted article or approved correction already in the store is quarantined before it is indexed.
   * Screening is a pure function of the text, so instances racing here write the same thing.
   */
  private async screenStored(): Promise<void> {
    if ((await this.store.kv.get(SCREENED_MARKER)) === SCREEN_VERSION) return;
    const system: Actor = { type: "system", id: null, name: "knowledge screen" };
    const articles = (await this.store.articles.list()).filter((a) => !a.screening);
    const held = (await screenArticles(articles, async () => null)).filter((a) => a.screening);
    for (const article of held) {
      if (!article.screening) continue;
      await this.store.articles.setScreening(article.id, article.screening);
      await this.auditQuarantine(system, { articleId: article.id, reasons: article.screening.reasons });
    }
    for (const correction of await this.store.corrections.list({ status: "approved", limit: 100_000 })) {
      const reasons = screenCorrection(correction);
      if (reasons.length === 0) continue;
      await this.store.corrections.update(correction.id, { reason: reasons.join("; ") });
      await this.store.corrections.setStatus(correction.id, "quarantined", null);
      await this.auditQuarantine(system, { correctionId: correction.id, reasons });
    }
    await this.store.kv.set(SCREENED_MARKER, SCREEN_VERSION);
  }
}
