import type { Turn } from "@handoff/contracts";

/** One retrieved knowledge item (article or approved correction). */
export interface RetrievalHit {
  id: string;
  kind: "article" | "correction";
  title: string;
  /** Article body, or the correction's answer. */
  text: string;
  /** The correction's original question (corrections only). */
  question?: string;
  /** The article's tags (articles only); the first names the answer's category. */
  tags?: string[];
  /** Normalised relevance, 0..1. */
  score: number;
  /** Query terms this item matched. */
  matchedTerms: string[];
}

/** What retrieval found for a question, with the signals confidence is built from. */
export interface RetrievalResult {
  query: string;
  hits: RetrievalHit[];
  /** Share of the question's key terms that the top hit covers, 0..1. */
  coverage: number;
  /** Separation between the top hit and the runner-up, 0..1. */
  margin: number;
  keyTerms: string[];
}

/** Input to a drafting model. */
export interface DraftRequest {
  question: string;
  /** Recent turns before the question, oldest first. */
  turns: Turn[];
  summary: string;
  retrieval: RetrievalResult;
  /** Instructions from reviewers asking for a redraft. */
  guidance: string[];
}

/** A model's answer: up to three drafts (first is preferred) and its own view of them. */
export interface ModelDraft {
  drafts: Array<{ text: string; sourceIds: string[] }>;
  /** The model's self-assessed confidence, 0..1. */
  selfConfidence: number;
  reasoning: string;
  /** True when the question is outside what the help center covers. */
  outOfScope: boolean;
  category: string | null;
}

/** A drafting model: the offline retrieval answerer or an OpenAI-compatible chat model. */
export interface DraftModel {
  readonly name: string;
  draft(request: DraftRequest, signal?: AbortSignal): Promise<ModelDraft>;
}

/** Raised by a model adapter when it cannot produce a valid draft (timeout, API error, bad output). */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly kind: "timeout" | "api" | "invalid_output",
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ModelError";
  }
}
