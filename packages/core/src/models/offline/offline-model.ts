import type { DraftModel, DraftRequest, ModelDraft, RetrievalHit } from "../../ports/model";
import { TermAnalyzer } from "../../retrieval/analyze";
import { splitSentences } from "../../retrieval/sentences";
import { languageTools } from "../../retrieval/lexicon/language-tools";
import { Lexicon } from "../../retrieval/lexicon/lexicon";
import { expectedAnswerType, type AnswerType } from "../../retrieval/answer-type";
import { restates } from "../../retrieval/restates";
import { extractAnswer, type Extract } from "./extract";

/** Below this retrieval score nothing in the knowledge base is about the question. */
const OUT_OF_SCOPE_BELOW = 0.3;
/** An alternative draft from another item must score at least this share of the best item. */
const ALTERNATIVE_SHARE = 0.5;
/** How much an answer that does not state the asked-for fact (no amount for "how much") is trusted. */
const MISSING_FACT_FACTOR = 0.75;

type DraftOption = ModelDraft["drafts"][number];

/** Reviewer guidance is matched word for word against passages, without the help center's lexicon. */
const guidanceAnalyzer = new TermAnalyzer(Lexicon.plain(languageTools("en")));

/**
 * The offline answerer: extractive answers from the retrieved articles and approved corrections,
 * with citations and a self-assessed confidence. Deterministic and network-free.
 */
export class OfflineModel implements DraftModel {
  readonly name = "offline";

  async draft(request: DraftRequest, signal?: AbortSignal): Promise<ModelDraft> {
    signal?.throwIfAborted();
    const { retrieval } = request;
    const hits = retrieval.hits;
    const top = hits[0];
    const asked = expectedAnswerType(request.question);
    const primary = top === undefined ? null : extractAnswer(top, asked);
    if (top === undefined || primary === null) {
      return {
        drafts: [],
        selfConfidence: 0,
        reasoning:
          "Nothing in the help center or the approved corrections matches this question, so it looks out of scope.",
        outOfScope: true,
        category: null,
        signals: { answer: 0, fact: 0 },
      };
    }

    const drafts: DraftOption[] = [{ text: primary.text, sourceIds: [top.id] }];
    const notes: string[] = [describeMatch(top, primary)];
    const guidanceNote = applyGuidance(request.guidance, hits, drafts);
    if (guidanceNote !== null) notes.push(guidanceNote);
    addAlternatives(top, primary, hits, asked, drafts);

    // Self-assessment: half how well the source matches, half how much of the question the answer states.
    let selfConfidence = 0.5 * top.score + 0.5 * primary.passage.coverage;
    if (!primary.statesAskedFact && asked !== null) {
      selfConfidence *= MISSING_FACT_FACTOR;
      notes.push(`The question asks for ${ASKED_WORDS[asked]}, which the answer does not state.`);
    }
    const outOfScope = top.score < OUT_OF_SCOPE_BELOW;
    if (outOfScope) {
      selfConfidence = Math.min(selfConfidence, top.score);
      notes.push("The best match is weak, so the question looks outside what the help center covers.");
    } else {
      notes.push(confidenceWords(selfConfidence, hits));
    }
    return {
      drafts: drafts.slice(0, 3),
      selfConfidence: round(selfConfidence),
      reasoning: notes.join(" "),
      outOfScope,
      category: top.kind === "correction" ? "corrections" : (top.tags?.[0] ?? null),
      signals: {
        answer: primary.passage.coverage,
        fact: primary.statesAskedFact ? 1 : 0,
        lead: passageLead(top, primary, hits),
        own: primary.passage.own,
        support: precedent(top, primary, hits, retrieval.keyTerms),
      },
    };
  }
}

const ASKED_WORDS: Readonly<Record<AnswerType, string>> = {
  amount: "an amount",
  duration: "a length of time",
  time: "a time or day",
  contact: "contact details",
  location: "where to find it",
  procedure: "what to do",
  count: "a number",
  list: "a list",
};

function describeMatch(top: RetrievalHit, extract: Extract): string {
  const source =
    top.kind === "correction"
      ? `An approved correction for a similar question ("${top.question ?? top.title}") matches with score ${top.score.toFixed(2)}; its answer is used as written.`
      : `Best match: the article "${top.title}" (score ${top.score.toFixed(2)}); the answer quotes ${describePassage(extract)} of it.`;
  const terms = `Matched terms: ${top.matchedTerms.join(", ") || "none"}.`;
  const missing = extract.passage.missing;
  const gaps = missing.length > 0 ? ` Not addressed by the answer: ${missing.join(", ")}.` : "";
  return `${source} ${terms}${gaps}`;
}

function describePassage(extract: Extract): string {
  if (extract.passage.kind === "list") return "a list";
  if (extract.passage.kind === "item") return "a list item";
  if (extract.passage.kind === "row") return "a table row";
  return `${extract.sentenceCount} sentence${extract.sentenceCount === 1 ? "" : "s"}`;
}

/**
 * Reviewer guidance names what the redraft must contain. When the answer does not already contain
 * those words, the sentence stating most of them (from any retrieved item) is appended.
 */
function applyGuidance(
  guidance: readonly string[],
  hits: readonly RetrievalHit[],
  drafts: DraftOption[],
): string | null {
  if (guidance.length === 0) return null;
  const quoted = guidance.map((g) => `"${g}"`).join(", ");
  const wanted = guidanceAnalyzer.distinctQueryTerms(guidance.join(" "));
  if (wanted.length === 0)
    return `Reviewer guidance ${quoted} has no searchable terms; the draft is unchanged.`;
  const first = drafts[0];
  const stated = new Set(guidanceAnalyzer.queryTerms(first?.text ?? ""));
  const missing = wanted.filter((t) => !stated.has(t));
  if (missing.length === 0) return `Followed reviewer guidance ${quoted}: the answer covers it.`;
  let best: { hit: RetrievalHit; sentence: string; found: string[] } | null = null;
  for (const hit of hits) {
    for (const sentence of splitSentences(hit.text)) {
      const terms = new Set(guidanceAnalyzer.queryTerms(sentence));
      const found = missing.filter((t) => terms.has(t));
      if (found.length > 0 && (best === null || found.length > best.found.length))
        best = { hit, sentence, found };
    }
  }
  if (best === null || first === undefined) {
    return `Reviewer guidance ${quoted} asks for something the knowledge base does not state; the draft could not follow it.`;
  }
  if (!first.text.includes(best.sentence)) first.text = `${first.text} ${best.sentence}`;
  if (!first.sourceIds.includes(best.hit.id)) first.sourceIds.push(best.hit.id);
  return `Followed reviewer guidance ${quoted}: added what "${best.hit.title}" says about ${best.found.join(", ")}.`;
}

/** Up to two alternatives: the next strong items' answers, then the best item's other passages. */
function addAlternatives(
  top: RetrievalHit,
  primary: Extract,
  hits: readonly RetrievalHit[],
  asked: AnswerType | null,
  drafts: DraftOption[],
): void {
  const seen = new Set(drafts.map((d) => d.text));
  const push = (text: string, sourceIds: string[]): void => {
    if (drafts.length >= 3 || text.length === 0 || seen.has(text)) return;
    seen.add(text);
    drafts.push({ text, sourceIds });
  };
  for (const hit of hits.slice(1, 3)) {
    if (hit.score >= Math.max(OUT_OF_SCOPE_BELOW, ALTERNATIVE_SHARE * top.score)) {
      const extract = extractAnswer(hit, asked);
      if (extract !== null) push(extract.text, [hit.id]);
    }
  }
  for (const passage of top.passages ?? []) {
    if (passage !== primary.passage && !primary.text.includes(passage.text)) push(passage.text, [top.id]);
  }
}

/**
 * How far the answer's passage leads the best passage that says something else, 0..1: from its own
 * item or another. Two passages that answer the question equally well make the choice a coin toss,
 * even when one article clearly wins; an article that wins by little can still hold the only passage
 * that says it. A passage the answer contains (a sentence of it, the items of its list), or that
 * contains the answer, is no rival, from whichever item it comes.
 */
function passageLead(top: RetrievalHit, primary: Extract, hits: readonly RetrievalHit[]): number {
  const strength = (hit: RetrievalHit, rank: number | undefined): number => {
    const best = hit.passages?.[0]?.rank ?? 0;
    return best > 0 ? hit.score * ((rank ?? 0) / best) : 0;
  };
  const own = strength(top, primary.passage.rank);
  if (own <= 0) return 0;
  const said = guidanceAnalyzer.distinctQueryTerms(primary.text);
  const restatesPrimary = (text: string): boolean =>
    restates(guidanceAnalyzer.distinctQueryTerms(text), said);
  let rival = 0;
  for (const hit of hits) {
    for (const passage of hit.passages ?? []) {
      if (passage === primary.passage) continue;
      // Saying the same thing (the correction's answer quoted from the article, or part of it, or in
      // other words) is agreement.
      if (primary.text.includes(passage.text) || passage.text.includes(primary.text)) continue;
      if ((hit.kind === "correction" || top.kind === "correction") && restatesPrimary(passage.text)) continue;
      rival = Math.max(rival, strength(hit, passage.rank));
    }
  }
  return round(Math.max(0, (own - rival) / own));
}

/**
 * How strongly an approved correction backs the answer, 0..1: the score of the best correction hit
 * that says the same. A correction quoting the answer's article is a person who already answered a
 * like question from it; an article stating a correction's answer, or another correction giving it,
 * confirms that correction. What the customer asked that the correction's question did not ("Paris"
 * where it asked "London") the answer must state in its own words: the precedent vouches for the kind
 * of question, not for a place or thing it never named.
 */
function precedent(
  top: RetrievalHit,
  primary: Extract,
  hits: readonly RetrievalHit[],
  keyTerms: readonly string[],
): number {
  const said = flat(primary.text);
  const stated = new Set(guidanceAnalyzer.queryTerms(primary.text));
  let best = 0;
  for (const hit of hits) {
    if (hit === top || hit.score <= best) continue;
    const correction = hit.kind === "correction" ? hit : top.kind === "correction" ? top : null;
    if (correction === null) continue;
    const text = flat(hit.text);
    const agrees =
      hit.kind === "correction"
        ? top.kind === "article"
          ? flat(top.text).includes(text)
          : text.includes(said) || said.includes(text)
        : text.includes(said);
    const shared = new Set(guidanceAnalyzer.queryTerms(correction.question ?? correction.title));
    const own = keyTerms.filter((t) => !shared.has(t));
    if (agrees && own.every((t) => stated.has(t))) best = hit.score;
  }
  return round(best);
}

/** Text with its white space collapsed, so a quote compares whatever its line breaks. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function confidenceWords(selfConfidence: number, hits: readonly RetrievalHit[]): string {
  const runnerUp = hits[1];
  const rival = runnerUp ? ` The runner-up, "${runnerUp.title}", scores ${runnerUp.score.toFixed(2)}.` : "";
  if (selfConfidence >= 0.75) return `Confident: the answer states what was asked.${rival}`;
  if (selfConfidence >= 0.5) return `Fairly confident, but part of the question is not covered.${rival}`;
  return `Not confident: the match is partial.${rival}`;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
