import MiniSearch from "minisearch";
import type { Article, Correction } from "@handoff/contracts";
import type { RetrievalHit, RetrievalResult } from "../ports/model";
import { WEAK_TERMS, analyze, distinctTerms, normalizeTerm, tokenize } from "./analyze";
import { isElliptical } from "./follow-up";
import { splitSentences } from "./sentences";
import { correctSpelling } from "./spelling";

/** How many hits a search returns at most. */
const MAX_HITS = 5;
/** Candidates MiniSearch proposes before they are re-scored. */
const CANDIDATES = 12;
/** Weight of the previous question's terms when a follow-up is folded into it. */
const CONTEXT_WEIGHT = 0.5;
/** Weight factor of qualifying words (quantities, time units). */
const WEAK_WEIGHT = 0.35;

interface IndexedDoc {
  key: string;
  searchDoc: SearchDoc;
  id: string;
  kind: "article" | "correction";
  title: string;
  text: string;
  question?: string;
  tags: string[];
  headTerms: ReadonlySet<string>;
  tagTerms: ReadonlySet<string>;
  bodyTerms: ReadonlySet<string>;
  sentences: ReadonlyArray<ReadonlySet<string>>;
}

interface SearchDoc {
  key: string;
  head: string;
  tags: string;
  body: string;
}

/** A key term of the query with its weight (rarer terms weigh more). */
interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * Searchable knowledge: help-center articles and approved corrections, ranked by MiniSearch (BM25)
 * and re-scored on an absolute 0..1 scale so thresholds mean the same thing on any help center.
 */
export class KnowledgeIndex {
  private articleDocs = new Map<string, IndexedDoc>();
  private readonly correctionDocs = new Map<string, IndexedDoc>();
  // Articles and corrections live in separate engines: articles are replaced wholesale by building a
  // new engine and swapping it in, corrections change one at a time. Nothing is ever discarded and
  // vacuumed, which avoids MiniSearch 7.2's vacuum crash (lucaong/minisearch#306) on re-imports.
  private articleEngine = newEngine();
  private readonly correctionEngine = newEngine();
  private documentFrequency: Map<string, number> | null = null;
  private articleGeneration = 0;

  /** Replaces every article in the index at once (blocks the thread for a large help center). */
  setArticles(articles: readonly Article[]): void {
    this.articleGeneration += 1;
    const docs = articles.map(articleDoc);
    const engine = newEngine();
    engine.addAll(docs.map((d) => d.searchDoc));
    this.swapArticles(docs, engine);
  }

  /**
   * Replaces every article, building the new index in chunks that yield to the event loop between
   * them, so a large import never stalls sockets; searches use the old articles until the swap. When
   * imports overlap, the one started last wins.
   */
  async replaceArticles(articles: readonly Article[], chunkSize = 100): Promise<void> {
    const generation = ++this.articleGeneration;
    const docs: IndexedDoc[] = [];
    for (let i = 0; i < articles.length; i += chunkSize) {
      for (const article of articles.slice(i, i + chunkSize)) docs.push(articleDoc(article));
      await nextTurn();
      if (generation !== this.articleGeneration) return;
    }
    const engine = newEngine();
    await engine.addAllAsync(
      docs.map((d) => d.searchDoc),
      { chunkSize },
    );
    if (generation === this.articleGeneration) this.swapArticles(docs, engine);
  }

  /** Replaces every correction in the index; only approved corrections are searchable. */
  setCorrections(corrections: readonly Correction[]): void {
    for (const key of [...this.correctionDocs.keys()]) this.removeCorrectionKey(key);
    for (const correction of corrections) this.upsertCorrection(correction);
  }

  /** Adds or replaces one correction; a correction that is not approved is removed instead. */
  upsertCorrection(correction: Correction): void {
    this.removeCorrection(correction.id);
    if (correction.status !== "approved") return;
    const doc = correctionDoc(correction);
    this.correctionDocs.set(doc.key, doc);
    this.correctionEngine.add(doc.searchDoc);
    this.documentFrequency = null;
  }

  /** Removes a correction (no-op when it is not indexed). */
  removeCorrection(id: string): void {
    this.removeCorrectionKey(correctionKey(id));
  }

  /** Number of indexed articles and approved corrections. */
  get size(): number {
    return this.articleDocs.size + this.correctionDocs.size;
  }

  private swapArticles(docs: readonly IndexedDoc[], engine: MiniSearch<SearchDoc>): void {
    this.articleDocs = new Map(docs.map((d) => [d.key, d]));
    this.articleEngine = engine;
    this.documentFrequency = null;
  }

  private removeCorrectionKey(key: string): void {
    const doc = this.correctionDocs.get(key);
    if (doc === undefined) return;
    this.correctionDocs.delete(key);
    // remove() takes the document as it was indexed and leaves nothing to vacuum, unlike discard().
    this.correctionEngine.remove(doc.searchDoc);
    this.documentFrequency = null;
  }

  private doc(key: string): IndexedDoc | undefined {
    return this.articleDocs.get(key) ?? this.correctionDocs.get(key);
  }

  /**
   * Finds the knowledge that answers a question. A short, elliptical follow-up ("and to Canada?")
   * is read together with the previous customer question.
   */
  search(question: string, context: { previousQuestion?: string } = {}): RetrievalResult {
    const previous = context.previousQuestion?.trim();
    const folded = previous !== undefined && previous.length > 0 && isElliptical(question);
    const query = folded ? `${previous} ${question}` : question;
    const keyTerms = this.weighTerms(question, folded ? previous : undefined);
    const empty: RetrievalResult = {
      query,
      hits: [],
      coverage: 0,
      margin: 0,
      keyTerms: keyTerms.map((k) => k.term),
    };
    if (keyTerms.length === 0 || this.size === 0) return empty;

    const terms = keyTerms.map((k) => k.term).join(" ");
    const options = { tokenize: (text: string) => text.split(" "), processTerm: (term: string) => term };
    const candidates = [
      ...this.articleEngine.search(terms, options).slice(0, CANDIDATES),
      ...this.correctionEngine.search(terms, options).slice(0, CANDIDATES),
    ];
    const scored: Array<{ hit: RetrievalHit; bm25: number; cover: number }> = [];
    for (const candidate of candidates) {
      const doc = this.doc(String(candidate.id));
      if (doc === undefined) continue;
      const { score, matched, cover } = scoreDoc(doc, keyTerms);
      if (matched.length === 0) continue;
      const hit: RetrievalHit = {
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        text: doc.text,
        score: round(score),
        matchedTerms: matched,
      };
      if (doc.question !== undefined) hit.question = doc.question;
      if (doc.kind === "article") hit.tags = [...doc.tags];
      scored.push({ hit, bm25: candidate.score, cover });
    }
    scored.sort((a, b) => b.hit.score - a.hit.score || b.bm25 - a.bm25);
    const top = scored[0];
    if (top === undefined) return empty;
    const runnerUp = scored[1]?.hit.score ?? 0;
    return {
      query,
      hits: scored.slice(0, MAX_HITS).map((s) => s.hit),
      coverage: round(top.cover),
      margin: round(top.hit.score > 0 ? (top.hit.score - runnerUp) / top.hit.score : 0),
      keyTerms: keyTerms.map((k) => k.term),
    };
  }

  /**
   * Key terms with inverse-document-frequency weights scaled to 0..1 by the weight an unseen term
   * would get. Why unseen terms weigh most: a question about something the help center never
   * mentions ("fishing license") must not look answered because its filler words matched.
   */
  private weighTerms(question: string, previous: string | undefined): WeightedTerm[] {
    const df = this.frequencies();
    const n = this.size;
    const idf = (term: string): number => Math.log(1 + (n + 1) / ((df.get(term) ?? 0) + 0.5));
    const maxIdf = idf("\u0000");
    const weights = new Map<string, number>();
    const addTerms = (text: string, factor: number): void => {
      for (const raw of distinctTerms(text)) {
        const term = correctSpelling(raw, df);
        // Order numbers, amounts and dates say which case, not which topic; unknown numbers are ignored.
        if (/^\d+$/.test(term) && !df.has(term)) continue;
        const weight = (idf(term) / maxIdf) * factor * (WEAK_TERMS.has(term) ? WEAK_WEIGHT : 1);
        weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      }
    };
    if (previous !== undefined) addTerms(previous, CONTEXT_WEIGHT);
    addTerms(question, 1);
    return [...weights].map(([term, weight]) => ({ term, weight }));
  }

  private frequencies(): Map<string, number> {
    if (this.documentFrequency === null) {
      const df = new Map<string, number>();
      for (const doc of [...this.articleDocs.values(), ...this.correctionDocs.values()]) {
        for (const term of new Set([...doc.headTerms, ...doc.tagTerms, ...doc.bodyTerms])) {
          df.set(term, (df.get(term) ?? 0) + 1);
        }
      }
      this.documentFrequency = df;
    }
    return this.documentFrequency;
  }
}

function newEngine(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    idField: "key",
    fields: ["head", "tags", "body"],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => normalizeTerm(term) ?? null,
    searchOptions: { boost: { head: 2.5, tags: 1.5 }, combineWith: "OR" },
    autoVacuum: false,
  });
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Scores one document against the weighted key terms, on an absolute 0..1 scale.
 * Articles: 60% how much of the question the article covers (title terms count fully, tags and body
 * a little less) and 40% how much of it a single sentence covers together with the title, because an
 * answer concentrated in one place is more likely to be the answer than words scattered over a page.
 * Corrections answer one question, so they are compared question to question: 70% how much of the
 * customer's question the correction covers (its question fully, its answer at 60%) and 30% how much
 * of the correction's question the customer asked, so "senior discount" does not ride on "military
 * discount" just because both say "discount".
 */
function scoreDoc(
  doc: IndexedDoc,
  keyTerms: readonly WeightedTerm[],
): { score: number; matched: string[]; cover: number } {
  const total = keyTerms.reduce((sum, k) => sum + k.weight, 0);
  if (total === 0) return { score: 0, matched: [], cover: 0 };
  const matched: string[] = [];
  let fielded = 0;
  let anywhere = 0;
  for (const { term, weight } of keyTerms) {
    const inHead = doc.headTerms.has(term);
    const factor = inHead
      ? 1
      : doc.tagTerms.has(term)
        ? 0.9
        : doc.bodyTerms.has(term)
          ? doc.kind === "article"
            ? 0.85
            : 0.6
          : 0;
    if (factor === 0) continue;
    matched.push(term);
    fielded += weight * factor;
    anywhere += weight;
  }
  const coverage = fielded / total;
  let score: number;
  if (doc.kind === "article") {
    let bestSentence = 0;
    for (const sentence of doc.sentences) {
      let covered = 0;
      for (const { term, weight } of keyTerms)
        if (doc.headTerms.has(term) || sentence.has(term)) covered += weight;
      bestSentence = Math.max(bestSentence, covered / total);
    }
    score = 0.6 * coverage + 0.4 * bestSentence;
  } else {
    const asked = new Set(keyTerms.map((k) => k.term));
    const weightOf = new Map(keyTerms.map((k) => [k.term, k.weight]));
    let questionTotal = 0;
    let questionAsked = 0;
    for (const term of doc.headTerms) {
      // Terms of the correction's question that the customer did not use weigh like an average term.
      const weight = weightOf.get(term) ?? total / keyTerms.length;
      questionTotal += weight;
      if (asked.has(term)) questionAsked += weight;
    }
    score = 0.7 * coverage + 0.3 * (questionTotal > 0 ? questionAsked / questionTotal : 0);
  }
  return { score: score * specificity(total), matched, cover: anywhere / total };
}

/**
 * A question made of one common word ("shipping?") is too vague to answer with confidence, however
 * well it matches. Key-term weights are 0..1, so a total of one rare word or two ordinary ones is enough.
 */
function specificity(totalWeight: number): number {
  return Math.min(1, 0.5 + 0.5 * totalWeight);
}

function articleDoc(article: Article): IndexedDoc {
  const tags = article.tags.join(" ");
  return {
    key: `article:${article.id}`,
    id: article.id,
    kind: "article",
    title: article.title,
    text: article.body,
    tags: [...article.tags],
    headTerms: new Set(analyze(article.title)),
    tagTerms: new Set(analyze(tags)),
    bodyTerms: new Set(analyze(article.body)),
    sentences: splitSentences(article.body).map((s) => new Set(analyze(s))),
    searchDoc: { key: `article:${article.id}`, head: article.title, tags, body: article.body },
  };
}

function correctionKey(id: string): string {
  return `correction:${id}`;
}

function correctionDoc(correction: Correction): IndexedDoc {
  const key = correctionKey(correction.id);
  const tags = correction.tags.join(" ");
  return {
    key,
    id: correction.id,
    kind: "correction",
    title: correction.question,
    text: correction.answer,
    question: correction.question,
    tags: [...correction.tags],
    headTerms: new Set(analyze(correction.question)),
    tagTerms: new Set(analyze(tags)),
    bodyTerms: new Set(analyze(correction.answer)),
    sentences: [],
    searchDoc: { key, head: correction.question, tags, body: correction.answer },
  };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
