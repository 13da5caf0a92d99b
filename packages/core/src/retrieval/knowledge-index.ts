import { setImmediate as nextTurn } from "node:timers/promises";
import MiniSearch from "minisearch";
import type { Article, Correction } from "@handoff/contracts";
import type { Passage, Precedent, RetrievalHit, RetrievalResult } from "../ports/model";
import { TermAnalyzer, tokenize } from "./analyze";
import { answerUnits, type AnswerUnit } from "./answer-units";
import { openingCondition, trailingConditions } from "./condition";
import { titleHead } from "./title-head";
import {
  asksHowTo,
  expectedAnswerType,
  satisfiesAnswerType,
  withoutAskingWords,
  type AnswerType,
} from "./answer-type";
import { isElliptical } from "./follow-up";
import { languageTools, type RetrievalLanguage } from "./lexicon/language-tools";
import { buildLexicon, Lexicon, type Expansion } from "./lexicon/lexicon";
import { correctSpelling, isMisspeltFunctionWord } from "./spelling";
import { questionTermWeights } from "./question-match";
import { expandChatShorthand } from "./chat-shorthand";
import { matchCorrection } from "./correction-match";
import { restates } from "./restates";
import { isPlaceName } from "./named-things";

/** How many approved corrections to like questions a search reports at most. */
const MAX_PRECEDENTS = 3;
/** Share of its score a correction keeps when the customer names a place it does not answer for. */
const OTHER_CASE_FACTOR = 0.5;
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
/** A question term a passage says only as a step of a menu path says where to click, not what it is about. */
const PATH_ONLY_FACTOR = 0.75;
/** A question term a passage says only in a clause saying when it holds ("..., while its status is ...") is a circumstance. */
const PASSING_FACTOR = 0.75;
/** Rank bonus of a list item whose label names the question's words, per share of the question. */
const LABEL_BONUS = 0.15;
/** An article whose best passage does not state the kind of fact asked for scores this share. */
const UNSTATED_FACT_FACTOR = 0.8;
/** Rank bonus of a passage that states the kind of fact asked for (a duration for "how long"). */
const ASKED_FACT_BONUS = 0.2;
/** A synonym of a word the help center itself uses counts this share of a synonym of an unknown word. */
const KNOWN_SYNONYM_FACTOR = 0.6;
/** How much a one-letter-prefix compound's head ("bike" for "e-bike") stands for the compound. */
const COMPOUND_HEAD_WEIGHT = 0.85;
/** A correction's answer states a question term for this much of its own question stating it. */
const CORRECTION_ANSWER_FACTOR = 0.85;
/** A title word after a preposition counts this much of one in the title's head. */
const TITLE_MODIFIER_FACTOR = 0.6;
/** Rank factor of a passage opening with a condition the question does not mention: the exception, not the rule. */
const UNASKED_CONDITION_FACTOR = 0.5;
/** A word the help center never uses weighs this much when WordNet knows it only as a verb or adjective. */
const UNKNOWN_ACTION_WEIGHT = 0.5;
/** A word the help center uses weighs this much of its rarity when WordNet knows it only as a verb or adjective. */
const KNOWN_ACTION_WEIGHT = 0.6;

interface IndexedUnit {
  unit: AnswerUnit;
  terms: ReadonlySet<string>;
  framing: ReadonlySet<string>;
  label: ReadonlySet<string>;
  /** Terms of the condition the unit opens with ("If an address is not valid, ..."), if any. */
  condition: ReadonlySet<string>;
  /** Terms the unit says only inside a menu path ("Account > Orders > Edit order"), not in its own words. */
  pathOnly?: ReadonlySet<string>;
  /** Terms the unit says only in a trailing clause on when it holds ("..., while its status is Processing"). */
  passing?: ReadonlySet<string>;
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
  /** Terms of the title's head ("Liquids and lighters" of "... in your carry-on"); a correction's whole question. */
  topicTerms: ReadonlySet<string>;
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
  /** The customer's word the term was read from. */
  word: string;
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
  private built: ArticleGeneration;
  /**
   * With `buildOnFirstRead`: the articles last set, kept as given until something reads the index.
   * A thread that only keeps the index in step (the server's main thread while the graph runs in a
   * worker) never searches it, and the built index (terms, passages, lexicon, engine: ~6 MB for the
   * demo help center) would sit in its heap for nothing.
   */
  private unbuilt: readonly Article[] | null = null;
  private readonly buildOnFirstRead: boolean;
  private readonly corrections = new Map<string, Correction>();
  private correctionDocs = new Map<string, IndexedDoc>();
  /**
   * Reads questions and corrections with the vocabulary of the articles and of the approved
   * corrections, so "bicycles" finds a correction that says "bikes". Rebuilt at the next search after
   * the corrections change (a null here), since corrections are approved one at a time.
   */
  private queryAnalyzer: TermAnalyzer | null = null;
  // Articles live in a MiniSearch engine that is replaced wholesale (built anew and swapped in, never
  // discarded and vacuumed: MiniSearch 7.2's vacuum crash, lucaong/minisearch#306); corrections, few
  // and approved one at a time, are found through their terms and each scored in full.
  private correctionPostings = new Map<string, string[]>();
  /** Weights of question terms, learned from the approved corrections' questions (see question-match). */
  private questionWeight: (term: string) => number = () => 1;
  /** The approved corrections grouped by their answer: corrections giving one answer ask one thing. */
  private answerFamilies = new Map<string, ReadonlySet<string>>();
  private documentFrequency: Map<string, number> | null = null;
  private articleFrequency: Map<string, number> | null = null;
  private articleGeneration = 0;

  constructor(
    private readonly language: RetrievalLanguage = "en",
    options: { buildOnFirstRead?: boolean } = {},
  ) {
    this.buildOnFirstRead = options.buildOnFirstRead ?? false;
    const analyzer = new TermAnalyzer(Lexicon.plain(languageTools(language)));
    this.built = { analyzer, texts: [], docs: new Map(), engine: newEngine(analyzer) };
  }

  /** The built articles; an index that builds on first read builds the articles set last, now. */
  private get articles(): ArticleGeneration {
    const unbuilt = this.unbuilt;
    if (unbuilt !== null) {
      this.unbuilt = null;
      this.build(unbuilt);
    }
    return this.built;
  }

  /** Replaces every article in the index at once (blocks the thread for a large help center). */
  setArticles(articles: readonly Article[]): void {
    this.articleGeneration += 1;
    if (this.deferred(articles)) return;
    this.build(articles);
  }

  private build(articles: readonly Article[]): void {
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
    if (this.deferred(articles)) return;
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
  termsOf(text: string): readonly string[] {
    return this.analyzer().distinctQueryTerms(text);
  }

  /**
   * Finds the knowledge that answers a question. A short, elliptical follow-up ("and to Canada?")
   * is read together with the previous customer question.
   */
  search(typed: string, context: { previousQuestion?: string } = {}): RetrievalResult {
    const question = writtenOut(typed, this.language);
    const typedBefore = context.previousQuestion?.trim();
    const previous = typedBefore === undefined ? undefined : writtenOut(typedBefore, this.language);
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
      // "How do I track order 370795561790?" asks a general how-to; "ETA of order 370795561790" asks
      // about that order, which no article settles.
      general:
        namesOwnCase(question, this.articleFrequencies()) && !(this.language === "en" && asksHowTo(query))
          ? 0
          : 1,
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
      ...this.correctionCandidates(searchTerms),
    ];
    // `rank` orders the hits; it is the hit's score but for a correction answering another case.
    const scored: Array<{ hit: RetrievalHit; bm25: number; cover: number; rank: number }> = [];
    const termWeight = this.termWeight();
    for (const candidate of candidates) {
      const key = String(candidate.id);
      const doc = this.articles.docs.get(key) ?? this.correctionDocs.get(key);
      if (doc === undefined) continue;
      const {
        score,
        matched,
        cover,
        topical,
        passages,
        asked: questionAsked,
      } = scoreDoc(doc, keyTerms, asked, termWeight);
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
      if (questionAsked !== undefined) hit.asked = questionAsked;
      if (doc.kind === "article") hit.tags = [...doc.tags];
      scored.push({ hit, bm25: candidate.score, cover, rank: hit.score });
    }
    // A correction that leaves a place the customer names unsaid (it answered Madrid, the customer asks
    // about Puerto Rico) answered another case of this kind of question: it ranks below what may answer
    // this one. Its score stays as it is: it still vouches for the kind of question.
    const precedents = this.precedents(query, keyTerms, searchTerms);
    const otherPlace = (p: Precedent): boolean =>
      p.unsaid.some((u) => isPlaceName(u.word.toLowerCase().replace(/\s+/g, "_")));
    const otherCase = new Set(precedents.filter(otherPlace).map((p) => p.id));
    for (const s of scored)
      if (s.hit.kind === "correction" && otherCase.has(s.hit.id)) s.rank = s.hit.score * OTHER_CASE_FACTOR;
    scored.sort((a, b) => b.rank - a.rank || b.bm25 - a.bm25);
    const top = scored[0];
    if (top === undefined) return empty;
    // A source whose best passage says what the top one's does (a correction quoting the article) agrees with it.
    const said = top.hit.passages?.[0]?.text ?? "";
    // A correction giving the top passage's answer in other words agrees with it, whichever ranks first.
    const saidTerms = this.termsOf(said);
    const agrees = (other: RetrievalHit, text: string): boolean =>
      (other.kind === "correction" || top.hit.kind === "correction") &&
      restates(this.termsOf(text), saidTerms);
    const rival = scored.slice(1).find((s) => {
      const text = s.hit.passages?.[0]?.text ?? "";
      if (said !== "" && text !== "" && agrees(s.hit, text)) return false;
      return said === "" || text === "" || !(said.includes(text) || text.includes(said));
    });
    const runnerUp = rival?.rank ?? 0;
    return {
      ...empty,
      precedents: precedents.slice(0, MAX_PRECEDENTS).map((p) => this.withRestatements(p, scored)),
      hits: scored.slice(0, MAX_HITS).map((s) => s.hit),
      coverage: round(top.cover),
      margin: round(top.rank > 0 ? Math.max(0, top.rank - runnerUp) / top.rank : 0),
    };
  }

  /**
   * A precedent with the passages of the retrieved articles that restate its answer (see restates): a
   * team that answered a like question so agrees with an answer quoting them.
   */
  private withRestatements(precedent: Precedent, scored: ReadonlyArray<{ hit: RetrievalHit }>): Precedent {
    const answerTerms = this.termsOf(precedent.answer);
    const restatedIn = scored
      .slice(0, MAX_HITS)
      .filter((s) => s.hit.kind === "article")
      .flatMap((s) => s.hit.passages ?? [])
      .filter((p) => restates(this.termsOf(p.text), answerTerms))
      .map((p) => p.text);
    return restatedIn.length > 0 ? { ...precedent, restatedIn } : precedent;
  }

  private analyzerFor(texts: ReadonlyArray<readonly string[]>): TermAnalyzer {
    return new TermAnalyzer(buildLexicon(languageTools(this.language), texts));
  }

  /** Keeps the articles for the first read instead of building them, when the index builds then. */
  private deferred(articles: readonly Article[]): boolean {
    if (!this.buildOnFirstRead) return false;
    this.unbuilt = articles;
    this.articleFrequency = null;
    this.queryAnalyzer = null;
    return true;
  }

  private swapArticles(generation: ArticleGeneration): void {
    this.built = generation;
    this.articleFrequency = null;
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
    const articleTerms = this.articleFrequencies();
    const docs = corrections.map((c) => correctionDoc(c, analyzer, articleTerms, this.language));
    this.correctionDocs = new Map(docs.map((d) => [d.key, d]));
    this.correctionPostings = new Map();
    for (const doc of docs) {
      for (const term of new Set([...doc.headTerms, ...doc.tagTerms, ...doc.bodyTerms])) {
        this.correctionPostings.set(term, [...(this.correctionPostings.get(term) ?? []), doc.key]);
      }
    }
    this.questionWeight = questionTermWeights(docs.map((d) => d.headTerms));
    // Corrections whose answers are passages of one article block (the list of plugs by country) answer
    // one kind of question, each for its own case: their questions are pooled as a family.
    const blocks = new Map<string, string>();
    for (const article of this.articles.docs.values())
      for (const { unit } of article.units) {
        const text = flat(unit.text);
        if (!blocks.has(text)) blocks.set(text, `${article.key}#${unit.block}`);
      }
    const families = new Map<string, Set<string>>();
    for (const doc of docs) {
      const answer = flat(doc.text);
      const key = blocks.get(answer) ?? answer;
      const family = families.get(key) ?? new Set<string>();
      for (const term of doc.headTerms) family.add(term);
      families.set(key, family);
    }
    this.answerFamilies = new Map(
      docs.map((doc) => {
        const answer = flat(doc.text);
        return [answer, families.get(blocks.get(answer) ?? answer) ?? doc.headTerms];
      }),
    );
    this.documentFrequency = null;
    this.queryAnalyzer = analyzer;
    return analyzer;
  }

  /**
   * Every approved correction sharing a term with the question, most like first, compared question to
   * question with weights learned from the corrections' questions. A correction is as like the
   * question as the better of its own question and the questions of every correction giving the same
   * answer (two people who answered "how do I talk to support?" and "is there a phone number?" alike
   * say both ask one thing); what the customer asked is always measured against a single question.
   */
  private precedents(
    question: string,
    keyTerms: readonly WeightedTerm[],
    terms: ReadonlySet<string>,
  ): Precedent[] {
    const lexicon = this.analyzer().lexicon;
    const context = {
      language: this.language,
      weight: this.questionWeight,
      termOf: (word: string) => lexicon.termOf(word),
      isStopWord: (word: string) => lexicon.tools.isStopWord(word),
      helpCenterSays: (term: string) => this.articleFrequencies().has(term),
      knowledgeSays: (term: string) => this.frequencies().has(term),
      isNoun: (word: string) => lexicon.knows(word) && !lexicon.isMostlyVerb(word),
      isExpletive: (word: string) => lexicon.isExpletive(word),
      synonyms: (word: string) =>
        new Set(lexicon.expand(word).flatMap((e) => (e.via !== "place" ? [e.term] : []))),
    };
    const out: Precedent[] = [];
    for (const { id: key } of this.correctionCandidates(terms)) {
      const doc = this.correctionDocs.get(key);
      if (doc === undefined) continue;
      const { similarity, unsaid } = matchCorrection(
        { text: question, terms: keyTerms },
        {
          question: writtenOut(doc.question ?? doc.title, this.language),
          terms: doc.headTerms,
          family: this.answerFamilies.get(flat(doc.text)) ?? doc.headTerms,
          answerTerms: doc.bodyTerms,
          opensWithCondition: doc.units.some((u) => isUnaskedCondition(u.condition, doc.headTerms, keyTerms)),
        },
        context,
      );
      out.push({ id: doc.id, similarity: round(similarity), answer: doc.text, unsaid });
    }
    out.sort((a, b) => b.similarity - a.similarity);
    return out;
  }

  /**
   * Every correction sharing a term with the question: corrections are few next to articles, and each
   * is scored in full, so none is lost to a search engine reading its question differently.
   */
  private correctionCandidates(terms: ReadonlySet<string>): Array<{ id: string; score: number }> {
    const keys = new Set<string>();
    for (const term of terms) for (const key of this.correctionPostings.get(term) ?? []) keys.add(key);
    return [...keys].map((id) => ({ id, score: 0 }));
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
    const tools = analyzer.lexicon.tools;
    const { idf, maxIdf } = this.idf();
    const weights = new Map<string, WeightedTerm>();
    const addTerms = (text: string, factor: number): void => {
      for (const { term, word, head } of readQuestion(text, analyzer, this.articleFrequencies(), df)) {
        addTerm(term, word, factor, head);
      }
    };
    const addTerm = (term: string, word: string, factor: number, head?: string): void => {
      {
        // A word the help center uses is mostly meant as it uses it; its synonyms count for less.
        const altFactor = df.has(term) ? KNOWN_SYNONYM_FACTOR : 1;
        // An "e-bike" is a bike: a one-letter-prefix compound stands for its head like a synonym.
        const kinds: Expansion[] =
          head === undefined ? [] : [{ term: head, weight: COMPOUND_HEAD_WEIGHT, via: "synonym" }];
        // A derivation ("shipment" for "shipping") bridges a word the help center lacks; a word it uses
        // is read as it uses it ("delivery" is not also "deliver").
        const alternatives = [...analyzer.lexicon.expand(word), ...kinds]
          .filter((e) => df.has(e.term) && e.term !== term && !(e.via === "derived" && df.has(term)))
          .map((e) => ({ term: e.term, factor: e.weight * altFactor }));
        const known = df.has(term) || alternatives.length > 0;
        // An unknown noun ("kenya", "invoice") is a topic the help center lacks; an unknown verb
        // ("retrieve") more often names what to do with a topic it has.
        const unknownWeight = analyzer.lexicon.isAction(word) ? UNKNOWN_ACTION_WEIGHT * maxIdf : maxIdf;
        const base = known
          ? Math.max(idf(term) * (df.has(term) ? 1 : 0), ...alternatives.map((a) => idf(a.term)))
          : unknownWeight;
        // A known verb ("enter", "receive") says what to do with the topic, and help centers say it
        // with other verbs ("add", "get"): it weighs less than the topic it acts on.
        const action = known && analyzer.lexicon.isMostlyVerb(word) ? KNOWN_ACTION_WEIGHT : 1;
        const weight = (base / maxIdf) * factor * action * (tools.isWeakTerm(term) ? WEAK_WEIGHT : 1);
        const existing = weights.get(term);
        if (existing === undefined || existing.weight < weight)
          weights.set(term, { term, word, weight, alternatives, known });
      }
    };
    if (previous !== undefined) addTerms(previous, CONTEXT_WEIGHT);
    addTerms(question, 1);
    return [...weights.values()];
  }

  /** Inverse document frequency over the articles and the approved corrections. */
  private idf(): { idf: (term: string) => number; maxIdf: number } {
    const df = this.frequencies();
    const n = this.size;
    const idf = (term: string): number => Math.log(1 + (n + 1) / ((df.get(term) ?? 0) + 0.5));
    return { idf, maxIdf: idf("\u0000") };
  }

  /** A correction's question term weighs as it would in a customer's question. */
  private termWeight(): (term: string) => number {
    const { idf, maxIdf } = this.idf();
    const tools = this.articles.analyzer.lexicon.tools;
    return (term) => (idf(term) / maxIdf) * (tools.isWeakTerm(term) ? WEAK_WEIGHT : 1);
  }

  private articleFrequencies(): Map<string, number> {
    if (this.articleFrequency === null) this.articleFrequency = countTerms(this.articles.docs.values());
    return this.articleFrequency;
  }

  private frequencies(): Map<string, number> {
    if (this.documentFrequency === null) {
      this.documentFrequency = countTerms([...this.articles.docs.values(), ...this.correctionDocs.values()]);
    }
    return this.documentFrequency;
  }
}

/** In how many documents each term occurs. */
function countTerms(docs: Iterable<IndexedDoc>): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set([...doc.headTerms, ...doc.tagTerms, ...doc.bodyTerms])) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return df;
}

/**
 * The terms of a question as the help center would write them: a word the articles do not use is
 * read as two words they do ("timezone" -> "time zone", "doyou" -> two stop words), as a slip of a
 * function word ("hiw" for "how", dropped), then as a misspelling of a word of the vocabulary; order
 * numbers, amounts and dates the vocabulary does not state say which case, not which topic, and
 * are dropped. Customers' questions and the questions of approved corrections are read the same
 * way, so they compare term for term.
 */
function readQuestion(
  text: string,
  analyzer: TermAnalyzer,
  articleTerms: ReadonlyMap<string, number>,
  vocabulary: ReadonlyMap<string, number>,
): Array<{ term: string; word: string; head?: string }> {
  const out: Array<{ term: string; word: string; head?: string }> = [];
  const tools = analyzer.lexicon.tools;
  for (const read of analyzer.queryWords(withoutAskingWords(text))) {
    const split = articleTerms.has(read.term) ? null : splitCompound(read.word, analyzer, articleTerms);
    for (const { term: raw, word } of split ?? [read]) {
      const slip =
        !raw.includes("_") &&
        !vocabulary.has(raw) &&
        isMisspeltFunctionWord(
          word,
          (w) => tools.isFunctionWord(w),
          (w) => analyzer.lexicon.knows(w),
          tools.language,
        );
      if (slip) continue;
      const term = raw.includes("_")
        ? raw
        : correctSpelling(word, raw, vocabulary, tools.language, (w) => analyzer.lexicon.knows(w));
      if (/^\d+$/.test(term) && !vocabulary.has(term)) continue;
      out.push(read.head === undefined || split !== null ? { term, word } : { term, word, head: read.head });
    }
  }
  return out;
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

/**
 * Whether a question names a number or code of its own ("order 370795561790", "$160", "flight dl123")
 * that no article states: it is about one case, which a general answer may not settle.
 */
function namesOwnCase(question: string, df: ReadonlyMap<string, number>): boolean {
  return tokenize(question).some((word) => /\d/.test(word) && word.length >= 3 && !df.has(word));
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
  termWeight: (term: string) => number,
): { score: number; matched: string[]; cover: number; topical: number; passages: Passage[]; asked?: number } {
  const total = keyTerms.reduce((sum, k) => sum + k.weight, 0);
  if (total === 0) return { score: 0, matched: [], cover: 0, topical: 0, passages: [] };
  const matched: string[] = [];
  let fielded = 0;
  let anywhere = 0;
  let titled = 0;
  const bodyFactor = doc.kind === "article" ? 0.85 : CORRECTION_ANSWER_FACTOR;
  for (const key of keyTerms) {
    // A title word after a preposition ("... in your carry-on") narrows the topic; it is not the topic.
    const head = Math.max(
      matchFactor(doc.topicTerms, key),
      matchFactor(doc.headTerms, key) * TITLE_MODIFIER_FACTOR,
    );
    const tag = matchFactor(doc.tagTerms, key) * 0.9;
    const body = matchFactor(doc.bodyTerms, key) * bodyFactor;
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
  let askedShare: number | undefined;
  if (doc.kind === "article") {
    const best = passages[0];
    // An article none of whose passages states the kind of fact asked for ("how much" and no amount)
    // is a weaker answer than one that does, however many words they share.
    const statesAsked =
      best !== undefined && (asked === null || asked === "list" || satisfiesAnswerType(asked, best.text));
    score = (0.5 * coverage + 0.5 * (best?.coverage ?? 0)) * (statesAsked ? 1 : UNSTATED_FACT_FACTOR);
  } else {
    // Both ways: how much of the customer's question the correction says, and how much of the
    // correction's question the customer asked, each term weighing as it would in a question.
    let questionTotal = 0;
    let questionAsked = 0;
    for (const term of doc.headTerms) {
      const weight = termWeight(term);
      questionTotal += weight;
      if (keyTerms.some((k) => k.term === term || k.alternatives.some((a) => a.term === term)))
        questionAsked += weight;
    }
    const precision = questionTotal > 0 ? questionAsked / questionTotal : 0;
    // An answer opening with a condition ("If an address is flagged as not valid, ...") answered the
    // exception its own question raised; a customer who asks neither that question nor the condition
    // asks the general case.
    const exception =
      precision < 1 && doc.units.some((u) => isUnaskedCondition(u.condition, doc.headTerms, keyTerms));
    score = (0.7 * coverage + 0.3 * precision) * (exception ? UNASKED_CONDITION_FACTOR : 1);
    askedShare = round(precision);
  }
  return {
    score: score * specificity(total),
    matched,
    cover: Math.min(1, anywhere / total),
    topical: round(titled / total),
    passages,
    ...(askedShare === undefined ? {} : { asked: askedShare }),
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
  const telling = distinctiveness(doc, keyTerms);
  for (const { unit, terms, framing, label, condition, pathOnly, passing } of doc.units) {
    let covered = 0;
    let own = 0;
    let labelled = 0;
    let ranking = 0;
    const missing: string[] = [];
    for (const [k, key] of keyTerms.entries()) {
      const inUnit =
        matchFactor(terms, key) *
        (pathOnly !== undefined && pathOnly.has(key.term) ? PATH_ONLY_FACTOR : 1) *
        (passing !== undefined && passing.has(key.term) ? PASSING_FACTOR : 1);
      labelled += key.weight * matchFactor(label, key);
      const inTitle = Math.max(
        matchFactor(doc.topicTerms, key),
        matchFactor(doc.headTerms, key) * TITLE_MODIFIER_FACTOR,
      );
      const inFraming = Math.max(matchFactor(framing, key), inTitle) * FRAMING_FACTOR;
      const factor = Math.max(inUnit, inFraming);
      covered += key.weight * factor;
      own += key.weight * inUnit;
      ranking += key.weight * (telling[k] ?? 1) * (inUnit + 0.5 * (factor - inUnit));
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
    const unasked = isUnaskedCondition(condition, doc.headTerms, keyTerms);
    const rank =
      ((ranking + LABEL_BONUS * labelled) / total + (states ? ASKED_FACT_BONUS : 0)) *
      (unasked ? UNASKED_CONDITION_FACTOR : 1);
    ranked.push({ passage, rank });
  }
  if (asked === "list") preferWholeLists(ranked);
  ranked.sort((a, b) => b.rank - a.rank || a.passage.index - b.passage.index);
  return ranked.slice(0, MAX_PASSAGES).map((r) => ({ ...r.passage, rank: Math.round(r.rank * 1000) / 1000 }));
}

/**
 * Whether a passage's opening condition is one the question does not ask about: the question names
 * none of what the condition adds to the article's title ("If an address is flagged as not valid" in
 * an article on adding addresses, asked "how do I enter an address"). The question then asks the
 * general case, which the passage is the exception to.
 */
function isUnaskedCondition(
  condition: ReadonlySet<string>,
  title: ReadonlySet<string>,
  keyTerms: readonly WeightedTerm[],
): boolean {
  const own = [...condition].filter((term) => !title.has(term));
  if (own.length === 0) return false;
  return !own.some((term) =>
    keyTerms.some((k) => k.term === term || k.alternatives.some((a) => a.term === term)),
  );
}

/**
 * How well each key term tells the units of a document apart, 0.5..1: a term every unit says
 * ("plug" in an article on plugs) picks no passage, a term one unit says ("Costa Rica") picks it.
 */
function distinctiveness(doc: IndexedDoc, keyTerms: readonly WeightedTerm[]): number[] {
  const units = doc.units.length;
  const most = Math.log(1 + units / 0.5);
  return keyTerms.map((key) => {
    const saying = doc.units.filter((u) => matchFactor(u.terms, key) > 0).length;
    return 0.5 + (0.5 * Math.log(1 + units / (saying + 0.5))) / most;
  });
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

function articleDoc(article: Article, analyzer: TermAnalyzer, language: RetrievalLanguage): IndexedDoc {
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
    topicTerms: terms(titleHead(article.title, language)),
    tagTerms: terms(tags),
    bodyTerms: terms(article.body),
    units: answerUnits(article.body, language).map((unit) => ({
      unit,
      terms: terms(unit.text),
      framing: terms(unit.context),
      label: terms(unit.label ?? ""),
      condition: terms(openingCondition(unit.text, language) ?? ""),
      pathOnly: pathOnlyTerms(unit.text, terms),
      passing: passingTerms(unit.text, language, terms),
    })),
    searchDoc: { key, head: article.title, tags, body: article.body },
  };
}

function correctionKey(id: string): string {
  return `correction:${id}`;
}

function correctionDoc(
  correction: Correction,
  analyzer: TermAnalyzer,
  articleTerms: ReadonlyMap<string, number>,
  language: RetrievalLanguage,
): IndexedDoc {
  const key = correctionKey(correction.id);
  const tags = correction.tags.join(" ");
  // The order number or amount of the customer the correction was written for is not what it is about.
  const terms = (text: string) =>
    new Set(analyzer.documentTerms(text).filter((t) => !/\d/.test(t) || articleTerms.has(t)));
  const read = readQuestion(writtenOut(correction.question, language), analyzer, articleTerms, articleTerms);
  const questionTerms = new Set(read.map((t) => t.term));
  const answerTerms = terms(correction.answer);
  return {
    key,
    id: correction.id,
    kind: "correction",
    title: correction.question,
    text: correction.answer,
    question: correction.question,
    tags: [...correction.tags],
    headTerms: questionTerms,
    topicTerms: questionTerms,
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
        condition: terms(openingCondition(correction.answer, language) ?? ""),
      },
    ],
    searchDoc: { key, head: correction.question, tags, body: correction.answer },
  };
}

/** A question as it would be written out: chat shorthand ("ur", "pls") expanded in English. */
function writtenOut(text: string, language: RetrievalLanguage): string {
  return language === "en" ? expandChatShorthand(text) : text;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** Text with its white space collapsed, so two copies of one answer compare whatever their line breaks. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A menu path: words joined by " > " ("Account > Orders > Edit order"), up to three words a step. */
const MENU_PATH =
  /[\p{Lu}][\p{L}-]*(?:\s[\p{L}-]+){0,2}(?:\s>\s[\p{L}-]+(?:\s(?!and\b|or\b|to\b|then\b)[\p{L}-]+){0,2})+/gu;

/**
 * The terms a unit says only in the menus its paths pass through ("Account" and "Orders" of
 * "Account > Orders > Edit order"): where to click on the way, not what the passage does. The last
 * step names the destination ("Sign in > Create account" answers "create account") and counts in full.
 */
function pathOnlyTerms(text: string, terms: (text: string) => Set<string>): ReadonlySet<string> | undefined {
  const paths = text.match(MENU_PATH);
  if (paths === null) return undefined;
  const steps = paths.map((path) => path.split(/\s>\s/));
  const passed = steps.flatMap((s) => s.slice(0, -1));
  const outside = terms([text.replace(MENU_PATH, " "), ...steps.map((s) => s.at(-1) ?? "")].join(" . "));
  return new Set([...terms(passed.join(" . "))].filter((t) => !outside.has(t)));
}

/**
 * The terms a unit says only in trailing clauses on when it holds ("You can cancel an order within 1
 * hour, while its status is still Processing": "status"): the unit mentions them in passing, it is
 * not about them.
 */
function passingTerms(
  text: string,
  language: RetrievalLanguage,
  terms: (text: string) => Set<string>,
): ReadonlySet<string> | undefined {
  const clauses = trailingConditions(text, language);
  if (clauses.length === 0) return undefined;
  let main = text;
  for (const clause of clauses) main = main.replace(clause, " ");
  const outside = terms(main);
  return new Set([...terms(clauses.join(" . "))].filter((t) => !outside.has(t)));
}
