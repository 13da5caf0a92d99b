import MiniSearch from "minisearch";
import type { Article, Correction } from "@handoff/contracts";
import type { Passage, RetrievalHit, RetrievalResult } from "../ports/model";
import { TermAnalyzer, tokenize } from "./analyze";
import { answerUnits, type AnswerUnit } from "./answer-units";
import { expectedAnswerType, satisfiesAnswerType, type AnswerType } from "./answer-type";
import { isElliptical } from "./follow-up";
import { languageTools, type RetrievalLanguage } from "./lexicon/language-tools";
import { buildLexicon, Lexicon } from "./lexicon/lexicon";
import { correctSpelling } from "./spelling";

/** How many hits a search returns at most. */
const MAX_HITS = 5;
/** Candidates MiniSearch proposes (per engine) before they are re-scored. */
const CANDIDATES = 12;
/** Passages of one item a hit carries: the best ones, for the answer and its alternatives. */
const MAX_PASSAGES = 3;
/** Weight of the previous question's terms when a follow-up is folded into it. */
const CONTEXT_WEIGHT = 0.5;
/** Weight factor of qualifying words (quantities, time units). */
const WEAK_WEIGHT = 0.35;
/** A term found only in a passage's framing (heading, lead-in, title) counts this much. */
const FRAMING_FACTOR = 0.9;
/** Rank bonus of a list item whose label names the question's words, per share of the question. */
const LABEL_BONUS = 0.15;
/** An article whose best passage does not state the kind of fact asked for scores this share. */
const UNSTATED_FACT_FACTOR = 0.8;
/** Rank bonus of a passage that states the kind of fact asked for (a duration for "how long"). */
const ASKED_FACT_BONUS = 0.2;
/** A word the help center never uses weighs this much when WordNet knows it only as a verb or adjective. */
const UNKNOWN_ACTION_WEIGHT = 0.5;

interface IndexedUnit {
  unit: AnswerUnit;
  terms: ReadonlySet<string>;
  framing: ReadonlySet<string>;
  label: ReadonlySet<string>;
}

interface IndexedDoc {
  key: string;
  id: string;
  kind: "article" | "correction";
  title: string;
  text: string;
  question?: string;
  tags: string[];
  headTerms: ReadonlySet<string>;
  tagTerms: ReadonlySet<string>;
  bodyTerms: ReadonlySet<string>;
  units: IndexedUnit[];
  searchDoc: SearchDoc;
}

interface SearchDoc {
  key: string;
  head: string;
  tags: string;
  body: string;
}

/** A term of the question with its weight (rarer terms weigh more) and what else may stand for it. */
interface WeightedTerm {
  term: string;
  weight: number;
  /** Help-center terms that match it at a discount: synonyms and the places it lies in. */
  alternatives: ReadonlyArray<{ term: string; factor: number }>;
  /** False when nothing in the help center (the term or an alternative) says it. */
  known: boolean;
}

/** Everything built from one set of articles; swapped in as a whole when the articles change. */
interface ArticleGeneration {
  analyzer: TermAnalyzer;
  /** The articles' words, one array per title, tag line and body, for building lexicons. */
  texts: string[][];
  docs: Map<string, IndexedDoc>;
  engine: MiniSearch<SearchDoc>;
}

/**
 * Searchable knowledge: help-center articles, split into answer units, and approved corrections,
 * ranked by MiniSearch (BM25) and re-scored on an absolute 0..1 scale so thresholds mean the same thing
 * on any help center. Words are stemmed and filtered per language; in English, WordNet connects the
 * customer's words to the help center's (synonyms, places inside the places an article names).
 */
export class KnowledgeIndex {
  private articles: ArticleGeneration;
  private readonly corrections = new Map<string, Correction>();
  private correctionDocs = new Map<string, IndexedDoc>();
  /**
   * Reads questions and corrections with the vocabulary of the articles and of the approved
   * corrections, so "bicycles" finds a correction that says "bikes". Rebuilt at the next search after
   * the corrections change (a null here), since corrections are approved one at a time.
   */
  private queryAnalyzer: TermAnalyzer | null = null;
  // Articles and corrections live in separate engines: articles are replaced wholesale by building a
  // new engine and swapping it in, corrections change one at a time. Nothing is ever discarded and
  // vacuumed, which avoids MiniSearch 7.2's vacuum crash (lucaong/minisearch#306) on re-imports.
  private correctionEngine: MiniSearch<SearchDoc>;
  private documentFrequency: Map<string, number> | null = null;
  private articleGeneration = 0;

  constructor(private readonly language: RetrievalLanguage = "en") {
    const analyzer = new TermAnalyzer(Lexicon.plain(languageTools(language)));
    this.articles = { analyzer, texts: [], docs: new Map(), engine: newEngine(analyzer) };
    this.correctionEngine = newEngine(analyzer);
  }

  /** Replaces every article in the index at once (blocks the thread for a large help center). */
  setArticles(articles: readonly Article[]): void {
    this.articleGeneration += 1;
    const texts = articleTexts(articles);
    const analyzer = this.analyzerFor(texts);
    const docs = articles.map((a) => articleDoc(a, analyzer, this.language));
    const engine = newEngine(analyzer);
    engine.addAll(docs.map((d) => d.searchDoc));
    this.swapArticles({ analyzer, texts, docs: new Map(docs.map((d) => [d.key, d])), engine });
  }

  /**
   * Replaces every article, building the new index in chunks that yield to the event loop between
   * them, so a large import never stalls sockets; searches use the old articles until the swap. When
   * imports overlap, the one started last wins.
   */
  async replaceArticles(articles: readonly Article[], chunkSize = 100): Promise<void> {
    const generation = ++this.articleGeneration;
    await nextTurn();
    if (generation !== this.articleGeneration) return;
    const texts = articleTexts(articles);
    const analyzer = this.analyzerFor(texts);
    const docs: IndexedDoc[] = [];
    for (let i = 0; i < articles.length; i += chunkSize) {
      for (const article of articles.slice(i, i + chunkSize))
        docs.push(articleDoc(article, analyzer, this.language));
      await nextTurn();
      if (generation !== this.articleGeneration) return;
    }
    const engine = newEngine(analyzer);
    await engine.addAllAsync(
      docs.map((d) => d.searchDoc),
      { chunkSize },
    );
    if (generation === this.articleGeneration) {
      this.swapArticles({ analyzer, texts, docs: new Map(docs.map((d) => [d.key, d])), engine });
    }
  }

  /** Replaces every correction in the index; only approved corrections are searchable. */
  setCorrections(corrections: readonly Correction[]): void {
    this.corrections.clear();
    for (const c of corrections) if (c.status === "approved") this.corrections.set(c.id, c);
    this.queryAnalyzer = null;
  }

  /** Adds or replaces one correction; a correction that is not approved is removed instead. */
  upsertCorrection(correction: Correction): void {
    this.corrections.delete(correction.id);
    if (correction.status === "approved") this.corrections.set(correction.id, correction);
    this.queryAnalyzer = null;
  }

  /** Removes a correction (no-op when it is not indexed). */
  removeCorrection(id: string): void {
    if (this.corrections.delete(id)) this.queryAnalyzer = null;
  }

  /** Number of indexed articles and approved corrections. */
  get size(): number {
    return this.articles.docs.size + this.corrections.size;
  }

  /** The index terms of a text as this help center reads it (for matching reviewer guidance). */
  termsOf(text: string): string[] {
    return this.analyzer().distinctQueryTerms(text);
  }

  /**
   * Finds the knowledge that answers a question. A short, elliptical follow-up ("and to Canada?")
   * is read together with the previous customer question.
   */
  search(question: string, context: { previousQuestion?: string } = {}): RetrievalResult {
    const previous = context.previousQuestion?.trim();
    const analyzer = this.analyzer();
    const folded = previous !== undefined && previous.length > 0 && isElliptical(question, analyzer);
    const query = folded ? `${previous} ${question}` : question;
    const keyTerms = this.weighTerms(question, folded ? previous : undefined);
    const asked = this.language === "en" ? expectedAnswerType(query) : null;
    const empty: RetrievalResult = {
      query,
      hits: [],
      coverage: 0,
      margin: 0,
      keyTerms: keyTerms.map((k) => k.term),
      unknown: unknownShare(keyTerms),
    };
    if (keyTerms.length === 0 || this.size === 0) return empty;

    const searchTerms = new Set<string>();
    for (const k of keyTerms) {
      searchTerms.add(k.term);
      for (const alt of k.alternatives) searchTerms.add(alt.term);
    }
    const terms = [...searchTerms].join(" ");
    const options = { tokenize: (text: string) => text.split(" "), processTerm: (term: string) => term };
    const candidates = [
      ...this.articles.engine.search(terms, options).slice(0, CANDIDATES),
      ...this.correctionEngine.search(terms, options).slice(0, CANDIDATES),
    ];
    const scored: Array<{ hit: RetrievalHit; bm25: number; cover: number }> = [];
    for (const candidate of candidates) {
      const key = String(candidate.id);
      const doc = this.articles.docs.get(key) ?? this.correctionDocs.get(key);
      if (doc === undefined) continue;
      const { score, matched, cover, topical, passages } = scoreDoc(doc, keyTerms, asked);
      if (matched.length === 0) continue;
      const hit: RetrievalHit = {
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        text: doc.text,
        score: round(score),
        matchedTerms: matched,
        topical,
        passages,
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
      ...empty,
      hits: scored.slice(0, MAX_HITS).map((s) => s.hit),
      coverage: round(top.cover),
      margin: round(top.hit.score > 0 ? (top.hit.score - runnerUp) / top.hit.score : 0),
    };
  }

  private analyzerFor(texts: ReadonlyArray<readonly string[]>): TermAnalyzer {
    return new TermAnalyzer(buildLexicon(languageTools(this.language), texts));
  }

  private swapArticles(generation: ArticleGeneration): void {
    this.articles = generation;
    // Corrections are read with the new help center's lexicon too.
    this.queryAnalyzer = null;
  }

  /**
   * The analyzer for questions and corrections, rebuilt (with the correction documents and their
   * engine) when the articles or the corrections changed since the last search.
   */
  private analyzer(): TermAnalyzer {
    if (this.queryAnalyzer !== null) return this.queryAnalyzer;
    const corrections = [...this.corrections.values()];
    const analyzer =
      corrections.length === 0
        ? this.articles.analyzer
        : this.analyzerFor([
            ...this.articles.texts,
            ...corrections.flatMap((c) => [c.question, c.answer, c.tags.join(" ")].map(tokenize)),
          ]);
    const docs = corrections.map((c) => correctionDoc(c, analyzer));
    this.correctionDocs = new Map(docs.map((d) => [d.key, d]));
    // A fresh engine, never discard(): see the note on the engines above.
    this.correctionEngine = newEngine(analyzer);
    this.correctionEngine.addAll(docs.map((d) => d.searchDoc));
    this.documentFrequency = null;
    this.queryAnalyzer = analyzer;
    return analyzer;
  }

  /**
   * Key terms with inverse-document-frequency weights scaled to 0..1 by the weight an unseen term
   * would get. Why unseen terms weigh most: a question about something the help center never
   * mentions ("fishing license") must not look answered because its other words matched. A term the
   * help center does not use is first read as a misspelling of one it does, then through WordNet.
   */
  private weighTerms(question: string, previous: string | undefined): WeightedTerm[] {
    const analyzer = this.analyzer();
    const df = this.frequencies();
    const n = this.size;
    const tools = analyzer.lexicon.tools;
    const idf = (term: string): number => Math.log(1 + (n + 1) / ((df.get(term) ?? 0) + 0.5));
    const maxIdf = idf("\u0000");
    const weights = new Map<string, WeightedTerm>();
    const addTerms = (text: string, factor: number): void => {
      for (const read of analyzer.queryWords(text)) {
        // "timezone" is the help center's "time zone"; "doyou" is two stop words.
        const split = df.has(read.term) ? null : splitCompound(read.word, analyzer, df);
        for (const { term: raw, word } of split ?? [read]) {
          addTerm(raw, word, factor);
        }
      }
    };
    const addTerm = (raw: string, word: string, factor: number): void => {
      {
        // A known misspelling first, and a word split in two above, so this reads the word as meant.
        const term = raw.includes("_")
          ? raw
          : correctSpelling(word, raw, df, tools.language, (w) => analyzer.lexicon.knows(w));
        // Order numbers, amounts and dates say which case, not which topic; unknown numbers are ignored.
        if (/^\d+$/.test(term) && !df.has(term)) return;
        const alternatives = df.has(term)
          ? []
          : analyzer.lexicon
              .expand(term)
              .filter((e) => df.has(e.term))
              .map((e) => ({ term: e.term, factor: e.weight }));
        const known = df.has(term) || alternatives.length > 0;
        // An unknown noun ("kenya", "invoice") is a topic the help center lacks; an unknown verb
        // ("retrieve") more often names what to do with a topic it has.
        const unknownWeight = analyzer.lexicon.isAction(word) ? UNKNOWN_ACTION_WEIGHT * maxIdf : maxIdf;
        const base = known
          ? Math.max(idf(term) * (df.has(term) ? 1 : 0), ...alternatives.map((a) => idf(a.term)))
          : unknownWeight;
        const weight = (base / maxIdf) * factor * (tools.isWeakTerm(term) ? WEAK_WEIGHT : 1);
        const existing = weights.get(term);
        if (existing === undefined || existing.weight < weight)
          weights.set(term, { term, weight, alternatives, known });
      }
    };
    if (previous !== undefined) addTerms(previous, CONTEXT_WEIGHT);
    addTerms(question, 1);
    return [...weights.values()];
  }

  private frequencies(): Map<string, number> {
    if (this.documentFrequency === null) {
      const df = new Map<string, number>();
      for (const doc of [...this.articles.docs.values(), ...this.correctionDocs.values()]) {
        for (const term of new Set([...doc.headTerms, ...doc.tagTerms, ...doc.bodyTerms])) {
          df.set(term, (df.get(term) ?? 0) + 1);
        }
      }
      this.documentFrequency = df;
    }
    return this.documentFrequency;
  }
}

/**
 * Reads a word the help center does not use as two words it may use ("timezone" -> "time zone",
 * "doyou" -> "do you"): the split is kept when both halves are real words and the help center says
 * the pair as a phrase or each half. Returns the terms of the halves, or null when no split fits.
 */
function splitCompound(
  word: string,
  analyzer: TermAnalyzer,
  df: ReadonlyMap<string, number>,
): Array<{ term: string; word: string }> | null {
  if (word.length < 5 || /\d/.test(word)) return null;
  const isWord = (w: string) => analyzer.lexicon.knows(w) || analyzer.lexicon.tools.isStopWord(w);
  for (let at = 2; at <= word.length - 2; at++) {
    const left = word.slice(0, at);
    const right = word.slice(at);
    if (!isWord(left) || !isWord(right)) continue;
    const phrase = `${left}_${right}`;
    if (df.has(phrase)) return [{ term: phrase, word: phrase }];
    const halves = analyzer.queryWords(`${left} ${right}`);
    if (halves.every((h) => df.has(h.term))) return halves;
  }
  return null;
}

/** The share of the question's weight carried by terms nothing in the help center says (0..1). */
function unknownShare(keyTerms: readonly WeightedTerm[]): number {
  const total = keyTerms.reduce((sum, k) => sum + k.weight, 0);
  if (total === 0) return 0;
  return round(keyTerms.filter((k) => !k.known).reduce((sum, k) => sum + k.weight, 0) / total);
}

/** How well a set of terms states a key term: 1 itself, less through an alternative, else 0. */
function matchFactor(terms: ReadonlySet<string>, key: WeightedTerm): number {
  if (terms.has(key.term)) return 1;
  let best = 0;
  for (const alt of key.alternatives) if (alt.factor > best && terms.has(alt.term)) best = alt.factor;
  return best;
}

/**
 * Scores one document against the weighted key terms, on an absolute 0..1 scale.
 * Articles: 50% how much of the question the article covers (title terms count fully, tags and body
 * a little less) and 50% how much of it its best answer unit states, counting the unit's framing
 * (title, heading, list lead-in) at FRAMING_FACTOR: an answer concentrated in one place is more likely
 * to be the answer than words scattered over a page.
 * Corrections answer one question, so they are compared question to question: 70% how much of the
 * customer's question the correction covers (its question fully, its answer at 60%) and 30% how much
 * of the correction's question the customer asked, so "senior discount" does not ride on "military
 * discount" just because both say "discount".
 */
function scoreDoc(
  doc: IndexedDoc,
  keyTerms: readonly WeightedTerm[],
  asked: AnswerType | null,
): { score: number; matched: string[]; cover: number; topical: number; passages: Passage[] } {
  const total = keyTerms.reduce((sum, k) => sum + k.weight, 0);
  if (total === 0) return { score: 0, matched: [], cover: 0, topical: 0, passages: [] };
  const matched: string[] = [];
  let fielded = 0;
  let anywhere = 0;
  let titled = 0;
  for (const key of keyTerms) {
    const head = matchFactor(doc.headTerms, key);
    const tag = matchFactor(doc.tagTerms, key) * 0.9;
    const body = matchFactor(doc.bodyTerms, key) * 0.85;
    const factor = Math.max(head, tag, body);
    titled += key.weight * Math.max(head, tag);
    if (factor === 0) continue;
    matched.push(key.term);
    fielded += key.weight * factor;
    anywhere += key.weight * Math.min(1, factor / 0.85);
  }
  const coverage = fielded / total;
  const passages = rankPassages(doc, keyTerms, total, asked);
  let score: number;
  if (doc.kind === "article") {
    const best = passages[0];
    // An article none of whose passages states the kind of fact asked for ("how much" and no amount)
    // is a weaker answer than one that does, however many words they share.
    const statesAsked =
      best !== undefined && (asked === null || asked === "list" || satisfiesAnswerType(asked, best.text));
    score = (0.5 * coverage + 0.5 * (best?.coverage ?? 0)) * (statesAsked ? 1 : UNSTATED_FACT_FACTOR);
  } else {
    const askedTerms = new Set(keyTerms.map((k) => k.term));
    const weightOf = new Map(keyTerms.map((k) => [k.term, k.weight]));
    let questionTotal = 0;
    let questionAsked = 0;
    for (const term of doc.headTerms) {
      // Terms of the correction's question that the customer did not use weigh like an average term.
      const weight = weightOf.get(term) ?? total / keyTerms.length;
      questionTotal += weight;
      if (askedTerms.has(term) || keyTerms.some((k) => k.alternatives.some((a) => a.term === term))) {
        questionAsked += weight;
      }
    }
    score = 0.7 * coverage + 0.3 * (questionTotal > 0 ? questionAsked / questionTotal : 0);
  }
  return {
    score: score * specificity(total),
    matched,
    cover: Math.min(1, anywhere / total),
    topical: round(titled / total),
    passages,
  };
}

/**
 * The units of a document that state the most of the question, best first. A term stated only by
 * a unit's framing (title, heading, list lead-in) counts half when ranking, so the unit that says it
 * itself wins; when only the title says the question ("refund policy"), the article's opening does.
 */
function rankPassages(
  doc: IndexedDoc,
  keyTerms: readonly WeightedTerm[],
  total: number,
  asked: AnswerType | null,
): Passage[] {
  const ranked: Array<{ passage: Passage; rank: number }> = [];
  for (const { unit, terms, framing, label } of doc.units) {
    let covered = 0;
    let own = 0;
    let labelled = 0;
    const missing: string[] = [];
    for (const key of keyTerms) {
      const inUnit = matchFactor(terms, key);
      labelled += key.weight * matchFactor(label, key);
      const inFraming = Math.max(matchFactor(framing, key), matchFactor(doc.headTerms, key)) * FRAMING_FACTOR;
      const factor = Math.max(inUnit, inFraming);
      covered += key.weight * factor;
      own += key.weight * inUnit;
      if (factor === 0) missing.push(key.term);
    }
    if (covered === 0) continue;
    const passage: Passage = {
      text: unit.text,
      kind: unit.kind,
      block: unit.block,
      index: unit.index,
      coverage: round(covered / total),
      own: round(own / total),
      missing,
    };
    const states = asked !== null && asked !== "list" && satisfiesAnswerType(asked, unit.text);
    // "Standard shipping arrives in 3 to 5 days" answers "how long does standard shipping take"
    // better than "Orders to Alaska take 5 to 8 days with standard shipping": the item's label names it.
    const rank =
      (own + 0.5 * (covered - own) + LABEL_BONUS * labelled) / total + (states ? ASKED_FACT_BONUS : 0);
    ranked.push({ passage, rank });
  }
  if (asked === "list") preferWholeLists(ranked);
  ranked.sort((a, b) => b.rank - a.rank || a.passage.index - b.passage.index);
  return ranked.slice(0, MAX_PASSAGES).map((r) => r.passage);
}

/**
 * "Which countries have alerts?" asks for a whole list; "which plug does France use?" for the item
 * that names France. A list gets the asked-fact bonus unless one of its items stands out.
 */
function preferWholeLists(ranked: Array<{ passage: Passage; rank: number }>): void {
  for (const list of ranked.filter((r) => r.passage.kind === "list")) {
    const items = ranked
      .filter((r) => r.passage.kind === "item" && r.passage.block === list.passage.block)
      .map((r) => r.passage.own)
      .sort((a, b) => b - a);
    const [best = 0, next = 0] = items;
    if (best - next < 0.05) list.rank += ASKED_FACT_BONUS;
  }
}

/**
 * A question made of one common word ("shipping?") is too vague to answer with confidence, however
 * well it matches. Key-term weights are 0..1, so a total of one rare word or two ordinary ones is enough.
 */
function specificity(totalWeight: number): number {
  return Math.min(1, 0.5 + 0.5 * totalWeight);
}

function articleTexts(articles: readonly Article[]): string[][] {
  return articles.flatMap((a) => [a.title, a.tags.join(" "), a.body].map(tokenize));
}

function newEngine(analyzer: TermAnalyzer): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    idField: "key",
    fields: ["head", "tags", "body"],
    tokenize: (text) => analyzer.documentTerms(text),
    processTerm: (term) => term,
    searchOptions: { boost: { head: 2.5, tags: 1.5 }, combineWith: "OR" },
    autoVacuum: false,
  });
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function articleDoc(article: Article, analyzer: TermAnalyzer, language: string): IndexedDoc {
  const tags = article.tags.join(" ");
  const key = `article:${article.id}`;
  const terms = (text: string) => new Set(analyzer.documentTerms(text));
  return {
    key,
    id: article.id,
    kind: "article",
    title: article.title,
    text: article.body,
    tags: [...article.tags],
    headTerms: terms(article.title),
    tagTerms: terms(tags),
    bodyTerms: terms(article.body),
    units: answerUnits(article.body, language).map((unit) => ({
      unit,
      terms: terms(unit.text),
      framing: terms(unit.context),
      label: terms(unit.label ?? ""),
    })),
    searchDoc: { key, head: article.title, tags, body: article.body },
  };
}

function correctionKey(id: string): string {
  return `correction:${id}`;
}

function correctionDoc(correction: Correction, analyzer: TermAnalyzer): IndexedDoc {
  const key = correctionKey(correction.id);
  const tags = correction.tags.join(" ");
  const terms = (text: string) => new Set(analyzer.documentTerms(text));
  const answerTerms = terms(correction.answer);
  return {
    key,
    id: correction.id,
    kind: "correction",
    title: correction.question,
    text: correction.answer,
    question: correction.question,
    tags: [...correction.tags],
    headTerms: terms(correction.question),
    tagTerms: terms(tags),
    bodyTerms: answerTerms,
    units: [
      {
        unit: {
          kind: "sentence",
          text: correction.answer.trim(),
          context: correction.question,
          block: 0,
          index: 0,
        },
        terms: answerTerms,
        framing: new Set<string>(),
        label: new Set<string>(),
      },
    ],
    searchDoc: { key, head: correction.question, tags, body: correction.answer },
  };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
