import { answerSafetyFlags, assessRisk, buildConfidence, injectionFlags } from "../../policy";
import { NO_CONFIDENCE } from "../packets";
import type { GraphStateUpdate, GraphStateValue } from "../state";

/** Applies the risk rules and builds the confidence from all its signals. */
export const assessNode =
  () =>
  async (state: GraphStateValue): Promise<GraphStateUpdate> => {
    // Whether the message instructs the assistant is judged by the injection screen, which reads who is
    // addressed and whose instructions they are ("ignore my previous message" is not an attack).
    const asked = assessRisk(state.question).filter((f) => f.category !== "prompt_injection");
    const drafts = state.drafts.map((d) => d.text);
    // What the bot read (retrieved items) and wrote (drafts) can carry an injection the question did not.
    const planted = injectionFlags({ question: state.question, hits: state.retrieval?.hits ?? [], drafts });
    // A draft asking for a card number, CVV, PIN or password is never sent without a person.
    const flags = [...planted, ...asked, ...answerSafetyFlags(drafts)];
    if (!state.modelDraft || !state.retrieval) return { flags, confidence: NO_CONFIDENCE };
    return {
      flags,
      confidence: buildConfidence({ draft: state.modelDraft, retrieval: state.retrieval, flags }),
    };
  };
