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
  /** Weighted share of the question the item's title or tags state (its question, for a correction), 0..1. */
  topical?: number;
  /** The parts of the item that state the most of the question, best first. */
  passages?: Passage[];
  /** For a correction: the weighted share of its question that the customer asked too, 0..1. */
  asked?: number;
}

/** A whole unit of an item (a sentence, a list item, a list with its lead-in, a table row) that may answer. */
export interface Passage {
  text: string;
  kind: "sentence" | "item" | "list" | "row";
  /** Paragraph, list or table the passage belongs to, and its order in the item. */
  block: number;
  index: number;
  /** Weighted share of the question the passage states, counting its framing (title, heading, lead-in), 0..1. */
  coverage: number;
  /** The same, counting only the passage's own words. */
  own: number;
  /** Question terms neither the passage nor its framing states. */
  missing: string[];
  /** How strongly retrieval prefers the passage within its item (higher is better; compare within one search). */
  rank?: number;
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
  /** Weighted share of the question that nothing in the help center says at all, 0..1. */
  unknown?: number;
  /**
   * 0 when the question names something of the customer's own that the help center never states (an
   * order number, an amount, a booking code), so a general article may not settle it; else 1.
   */
  general?: number;
  /**
   * Approved corrections whose questions are most like this one, most alike first: compared question
   * to question (see retrieval/question-match), whatever the search ranked first.
   */
  precedents?: Precedent[];
}

/** An approved correction to a question like the customer's. */
export interface Precedent {
  id: string;
  /** How alike the two questions are, 0..1 (the correction's and those of corrections giving the same answer). */
  similarity: number;
  /** The correction's answer. */
  answer: string;
  /**
   * The things the customer names (a place, a brand, a plan) that neither the correction's question
   * nor its answer names, as index terms and as the customer wrote them: an answer backed by this
   * correction must say them itself.
   */
  unsaid: Array<{ term: string; word: string }>;
  /**
   * Passages of the retrieved articles that say what the correction's answer says in other words
   * ("There is no cancellation fee ... for cancelling an order" for "There is no fee to cancel an
   * order"): an answer quoting one agrees with the correction.
   */
  restatedIn?: string[];
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
  /** What the customer is doing, when the model says (a chat model does; the offline answerer does not). */
  messageKind?: MessageKind;
  /** The message's language (ISO 639-1) as the model reads it, when it says. */
  language?: string | null;
  /**
   * Signals of the answer itself, when the model can measure them (the offline answerer does):
   * `answer`, the weighted share of the question the answer's passage states (0..1); `fact`, 1 when
   * it states the kind of fact asked for (an amount for "how much"), else 0; `lead`, how far its
   * passage leads the best passage saying something else (0 a tie, 1 none); `own`, the share of the
   * question the passage states in its own words, without its heading or title; `support`, the score
   * of the best other source saying the same (an approved correction quoting the answer's article).
   */
  signals?: { answer: number; fact: number; lead?: number; own?: number; support?: number };
}

/** What kind of message the customer sent, as a model reads it. */
export const MESSAGE_KINDS = ["question", "action_request", "incident", "complaint", "other"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

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
