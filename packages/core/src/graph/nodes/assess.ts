import { assessRisk, buildConfidence } from "../../policy";
import { NO_CONFIDENCE } from "../packets";
import type { GraphStateUpdate, GraphStateValue } from "../state";

/** Applies the risk rules and builds the confidence from all its signals. */
export const assessNode =
  () =>
  async (state: GraphStateValue): Promise<GraphStateUpdate> => {
    const flags = assessRisk(state.question);
    if (!state.modelDraft || !state.retrieval) return { flags, confidence: NO_CONFIDENCE };
    return {
      flags,
      confidence: buildConfidence({ draft: state.modelDraft, retrieval: state.retrieval, flags }),
    };
  };
