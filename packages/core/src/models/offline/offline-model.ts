import type { DraftModel, DraftRequest, ModelDraft, RetrievalHit } from "../../ports/model";
import { distinctTerms } from "../../retrieval/analyze";
import { expectedAnswerType, satisfiesAnswerType, type AnswerType } from "../../retrieval/answer-type";
import { extractAnswer, paragraphAround, termWeight, type Extract } from "./extract";

/** Below this retrieval score nothing in the knowledge base is about the question. */
const OUT_OF_SCOPE_BELOW = 0.3;
/** An alternative draft from another item must score at least this share of the best item. */
const ALTERNATIVE_SHARE = 0.5;
/** How much an answer that does not state the asked-for fact (no amount for "how much") is trusted. */
const MISSING_FACT_FACTOR = 0.75;

type DraftOption = ModelDraft["drafts"][number];

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
    const guidanceTerms = distinctTerms(request.guidance.join(" "));
    if (top === undefined) {
      return {
        drafts: [],
        selfConfidence: 0,
        reasoning:
          "Nothing in the help center or the approved corrections matches this question, so it looks out of scope.",
        outOfScope: true,
        category: null,
      };
    }

    const asked = expectedAnswerType(request.question);
    const primary = extractAnswer(top, retrieval.keyTerms, guidanceTerms, asked);
    const drafts: DraftOption[] = [{ text: primary.text, sourceIds: [top.id] }];
    const notes: string[] = [describeMatch(top, primary, retrieval.keyTerms)];

    const guidanceNote = applyGuidance(request.guidance, guidanceTerms, primary, hits, drafts);
    if (guidanceNote !== null) notes.push(guidanceNote);
    addAlternatives(top, primary, hits, retrieval.keyTerms, guidanceTerms, asked, drafts);

    // Self-assessment: half how well the source matches, half how much of the question the answer states.
    let selfConfidence = 0.5 * top.score + 0.5 * answerCoverage(primary, retrieval.keyTerms);
    const firstDraft = drafts[0]?.text ?? "";
    if (asked !== null && !satisfiesAnswerType(asked, firstDraft)) {
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
      selfConfidence: Math.round(Math.min(1, Math.max(0, selfConfidence)) * 1000) / 1000,
      reasoning: notes.join(" "),
      outOfScope,
      category: top.kind === "correction" ? "corrections" : (top.tags?.[0] ?? null),
    };
  }
}

function answerCoverage(extract: Extract, keyTerms: readonly string[]): number {
  const total = keyTerms.reduce((sum, t) => sum + termWeight(t), 0);
  if (total === 0) return 0;
  return keyTerms.reduce((sum, t) => sum + (extract.covered.has(t) ? termWeight(t) : 0), 0) / total;
}

const ASKED_WORDS: Readonly<Record<AnswerType, string>> = {
  amount: "an amount",
  duration: "a length of time",
  time: "a time or day",
  contact: "contact details",
};

function describeMatch(top: RetrievalHit, extract: Extract, keyTerms: readonly string[]): string {
  const missing = keyTerms.filter((t) => !extract.covered.has(t));
  const source =
    top.kind === "correction"
      ? `An approved correction for a similar question ("${top.question ?? top.title}") matches with score ${top.score.toFixed(2)}; its answer is used as written.`
      : `Best match: the article "${top.title}" (score ${top.score.toFixed(2)}); the answer quotes ${extract.sentenceCount} sentence${extract.sentenceCount === 1 ? "" : "s"} of it.`;
  const terms = `Matched terms: ${top.matchedTerms.join(", ") || "none"}.`;
  const gaps = missing.length > 0 ? ` Not addressed by the answer: ${missing.join(", ")}.` : "";
  return `${source} ${terms}${gaps}`;
}

/**
 * Reviewer guidance names what the redraft must contain. When the primary extract does not already
 * contain those words, the best sentence stating them (from any retrieved item) is appended.
 */
function applyGuidance(
  guidance: readonly string[],
  guidanceTerms: readonly string[],
  primary: Extract,
  hits: readonly RetrievalHit[],
  drafts: DraftOption[],
): string | null {
  if (guidance.length === 0) return null;
  const quoted = guidance.map((g) => `"${g}"`).join(", ");
  if (guidanceTerms.length === 0)
    return `Reviewer guidance ${quoted} has no searchable terms; the draft is unchanged.`;
  const missing = guidanceTerms.filter((t) => !primary.guided.has(t));
  if (missing.length === 0) return `Followed reviewer guidance ${quoted}: the answer covers it.`;
  let best: { hit: RetrievalHit; extract: Extract } | null = null;
  for (const hit of hits) {
    const extract = extractAnswer(hit, [], missing);
    if (extract.guided.size > 0 && (best === null || extract.guided.size > best.extract.guided.size))
      best = { hit, extract };
  }
  const first = drafts[0];
  if (best === null || first === undefined) {
    return `Reviewer guidance ${quoted} asks for something the knowledge base does not state; the draft could not follow it.`;
  }
  if (!first.text.includes(best.extract.text)) first.text = `${first.text} ${best.extract.text}`;
  if (!first.sourceIds.includes(best.hit.id)) first.sourceIds.push(best.hit.id);
  return `Followed reviewer guidance ${quoted}: added what "${best.hit.title}" says about ${[...best.extract.guided].join(", ")}.`;
}

/** Up to two alternatives: the next strong items' answers, then a fuller passage of the best article. */
function addAlternatives(
  top: RetrievalHit,
  primary: Extract,
  hits: readonly RetrievalHit[],
  keyTerms: readonly string[],
  guidanceTerms: readonly string[],
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
      push(extractAnswer(hit, keyTerms, guidanceTerms, asked).text, [hit.id]);
    }
  }
  const paragraph = paragraphAround(top, primary.text);
  if (paragraph !== null) push(paragraph, [top.id]);
}

function confidenceWords(selfConfidence: number, hits: readonly RetrievalHit[]): string {
  const runnerUp = hits[1];
  const rival = runnerUp ? ` The runner-up, "${runnerUp.title}", scores ${runnerUp.score.toFixed(2)}.` : "";
  if (selfConfidence >= 0.75) return `Confident: the answer states what was asked.${rival}`;
  if (selfConfidence >= 0.5) return `Fairly confident, but part of the question is not covered.${rival}`;
  return `Not confident: the match is partial.${rival}`;
}
