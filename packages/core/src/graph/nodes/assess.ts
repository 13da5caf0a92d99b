import type { Confidence } from "@handoff/contracts";
import { assessRisk, buildConfidence } from "../../policy";
import type { GraphStateUpdate, GraphStateValue } from "../state";

const NO_CONFIDENCE: Confidence = {
  score: 0,
  parts: { model: 0, retrieval: 0, margin: 0, coverage: 0, rules: 0 },
};

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
