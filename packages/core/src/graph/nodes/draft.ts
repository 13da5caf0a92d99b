import type { Draft, SourceRef } from "@handoff/contracts";
import { ModelError, type ModelDraft, type RetrievalHit, type RetrievalResult } from "../../ports";
import type { GraphDeps } from "../deps";
import type { GraphStateValue, StateChanges } from "../state";

/** Asks the model for drafts; any failure is recorded (and later routed to a person), never thrown. */
export const draftNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<StateChanges> => {
    const retrieval = state.retrieval;
    if (!retrieval) throw new Error("draft ran before retrieve");
    const { helpCenterUrl } = await deps.settings();
    try {
      const modelDraft = await draftWithTimeout(deps, {
        question: state.question,
        turns: state.turns,
        summary: state.summary,
        retrieval,
        guidance: state.guidance,
      });
      // The customer already has a reply they got while this question waited: it is not an answer to it.
      const drafts = toDrafts(modelDraft, retrieval, state.round, helpCenterUrl).filter(
        (d) => !state.sentSince.includes(d.text),
      );
      return {
        modelDraft,
        drafts,
        helpCenterUrl,
        reasoning: modelDraft.reasoning,
        category: modelDraft.category,
        outOfScope: modelDraft.outOfScope,
        modelError: null,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        modelDraft: null,
        drafts: [],
        reasoning: `The model could not produce a usable answer (${message}).`,
        modelError: message,
        helpCenterUrl,
      };
    }
  };

async function draftWithTimeout(deps: GraphDeps, request: Parameters<GraphDeps["model"]["draft"]>[0]) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ModelError(`no answer within ${deps.modelTimeoutMs} ms`, "timeout"));
    }, deps.modelTimeoutMs);
  });
  try {
    return await Promise.race([deps.model.draft(request, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Turns the model's drafts into numbered drafts citing only sources that retrieval actually returned. */
export function toDrafts(
  modelDraft: ModelDraft,
  retrieval: RetrievalResult,
  round: number,
  helpCenterUrl: string | null = null,
): Draft[] {
  const byId = new Map(retrieval.hits.map((h) => [h.id, h]));
  return modelDraft.drafts
    .filter((d) => d.text.trim().length > 0)
    .slice(0, 3)
    .map((d, i) => ({
      id: `r${round}d${i + 1}`,
      text: d.text.trim(),
      sources: d.sourceIds.flatMap((id): SourceRef[] => {
        const hit = byId.get(id);
        return hit ? [sourceRef(hit, helpCenterUrl)] : [];
      }),
    }));
}

/** A source as clients see it; articles link to the help center when one is configured. */
export function sourceRef(hit: RetrievalHit, helpCenterUrl: string | null): SourceRef {
  const url =
    hit.kind === "article" && helpCenterUrl
      ? helpCenterUrl.replace("{id}", encodeURIComponent(hit.id))
      : undefined;
  return { id: hit.id, kind: hit.kind, title: hit.title, score: hit.score, ...(url ? { url } : {}) };
}
