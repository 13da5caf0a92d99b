import type { CitationScrubber } from "../ports";

/** What an erasure needs to know about a correction it removed. */
export interface ErasedCorrection {
  id: string;
  answer: string;
  createdAt: string;
}

/** Takes the place of a draft that drew on an erased correction, where a draft must stay (a packet's top draft). */
export const WITHDRAWN_DRAFT_TEXT =
  "(Withdrawn: this draft drew on a correction that was erased under a privacy request. Write the answer yourself or take over.)";

/** Takes the place of reasoning that explained (and quoted) a withdrawn draft or source. */
export const ERASED_REASONING =
  "A draft or source here drew on a correction that was erased under a privacy request; it was removed, with the reasoning that quoted it. Check what is left before sending.";

const WITHDRAWN_IN_SUMMARY = "(withdrawn)";

// Another instance's clock may run behind the one that stamped the correction.
const CLOCK_SKEW_MS = 60 * 60 * 1000;

type Json = unknown;
type JsonObject = { [key: string]: Json };

const isObject = (value: Json): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Removes erased corrections from the records an erasure keeps: other conversations' review packets,
 * graph states and pending writes, and the source lists of messages sent from them. Works on stored
 * JSON by shape, not by type, so it reaches every copy the graph made:
 * - a retrieval hit or source reference to an erased correction goes;
 * - a draft citing one goes from its list (the next draft moves up, as the graph will send it); where
 *   a draft is required on its own (a packet's top draft with nothing left to promote) its text
 *   becomes WITHDRAWN_DRAFT_TEXT;
 * - `reasoning`, which quotes the sources it weighed, becomes ERASED_REASONING, which also flags the
 *   review for the agent; a `summary` loses the withdrawn drafts' text.
 * The customer's own words (question, turns) and what was already sent are left alone.
 */
export class ErasedCitations implements CitationScrubber {
  readonly correctionIds: readonly string[];
  readonly answers: readonly string[];
  readonly since: Date;
  private readonly ids: ReadonlySet<string>;

  constructor(corrections: readonly ErasedCorrection[]) {
    this.correctionIds = corrections.map((c) => c.id);
    this.ids = new Set(this.correctionIds);
    this.answers = corrections.map((c) => c.answer);
    const oldest = Math.min(...corrections.map((c) => Date.parse(c.createdAt)));
    this.since = new Date(Number.isFinite(oldest) ? oldest - CLOCK_SKEW_MS : 0);
  }

  scrub(value: Json): Json | undefined {
    if (!this.mentions(value)) return undefined;
    const withdrawn: string[] = [];
    return this.rewriteProse(this.withoutCitations(value, withdrawn), withdrawn);
  }

  /** A reference to an erased correction: a retrieval hit, a draft's source, or a precedent (which quotes its answer). */
  private isErasedRef(value: Json): boolean {
    if (!isObject(value) || typeof value.id !== "string" || !this.ids.has(value.id)) return false;
    return value.kind === "correction" || (typeof value.similarity === "number" && "answer" in value);
  }

  /** A draft that drew on an erased correction (a packet draft cites sources, a model draft source ids). */
  private citesErased(value: Json): boolean {
    if (!isObject(value) || typeof value.text !== "string") return false;
    const { sources, sourceIds } = value;
    return (
      (Array.isArray(sources) && sources.some((s) => this.isErasedRef(s))) ||
      (Array.isArray(sourceIds) && sourceIds.some((id) => typeof id === "string" && this.ids.has(id)))
    );
  }

  private mentions(value: Json): boolean {
    if (this.isErasedRef(value) || this.citesErased(value)) return true;
    if (Array.isArray(value)) return value.some((v) => this.mentions(v));
    return isObject(value) && Object.values(value).some((v) => this.mentions(v));
  }

  private withoutCitations(value: Json, withdrawn: string[]): Json {
    if (Array.isArray(value)) {
      const kept: Json[] = [];
      for (const item of value) {
        if (this.isErasedRef(item)) continue;
        if (this.citesErased(item)) {
          if (isObject(item) && typeof item.text === "string") withdrawn.push(item.text);
          continue;
        }
        kept.push(this.withoutCitations(item, withdrawn));
      }
      return kept;
    }
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (this.citesErased(item) && isObject(item)) {
        if (typeof item.text === "string") withdrawn.push(item.text);
        out[key] = this.withdrawnDraft(item, withdrawn);
      } else {
        out[key] = this.withoutCitations(item, withdrawn);
      }
    }
    return promoteAlternative(out);
  }

  private withdrawnDraft(draft: JsonObject, withdrawn: string[]): JsonObject {
    const kept = this.withoutCitations(draft, withdrawn);
    return { ...(isObject(kept) ? kept : {}), text: WITHDRAWN_DRAFT_TEXT };
  }

  private rewriteProse(value: Json, withdrawn: readonly string[]): Json {
    if (Array.isArray(value)) return value.map((v) => this.rewriteProse(v, withdrawn));
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === "reasoning" && typeof item === "string") out[key] = ERASED_REASONING;
      else if (key === "summary" && typeof item === "string") out[key] = withoutTexts(item, withdrawn);
      else out[key] = this.rewriteProse(item, withdrawn);
    }
    return out;
  }
}

/**
 * An approval packet whose top draft was withdrawn shows the next one in its place, because that is
 * the draft the paused graph will send on approve (its draft list lost the withdrawn one too).
 */
function promoteAlternative(value: JsonObject): JsonObject {
  const { draft, alternatives } = value;
  if (!isObject(draft) || draft.text !== WITHDRAWN_DRAFT_TEXT || !Array.isArray(alternatives)) return value;
  const [next, ...rest] = alternatives;
  return next === undefined ? value : { ...value, draft: next, alternatives: rest };
}

function withoutTexts(text: string, removed: readonly string[]): string {
  return removed.reduce(
    (result, quoted) => (quoted.length > 0 ? result.split(quoted).join(WITHDRAWN_IN_SUMMARY) : result),
    text,
  );
}
