import { answerSafetyFlags, buildConfidence, injectionFlags, modelKindFlags } from "../../policy";
import type { GraphDeps } from "../deps";
import { NO_CONFIDENCE } from "../packets";
import type { GraphStateValue, StateChanges } from "../state";
import { messageAssessments } from "./message-assessments";

/** Applies the risk rules (in the message's language) and builds the confidence from all its signals. */
export const assessNode = (deps: Pick<GraphDeps, "helpCenterLanguage" | "settings">) => {
  const assessMessage = messageAssessments();
  return async (state: GraphStateValue): Promise<StateChanges> => {
    const helpCenterLanguage = await deps.helpCenterLanguage();
    const message = await assessMessage(state.question, helpCenterLanguage);
    // Whether the message instructs the assistant is judged by the injection screen, which reads who is
    // addressed and whose instructions they are ("ignore my previous message" is not an attack).
    const ruled = message.flags.filter((f) => f.category !== "prompt_injection");
    // A chat model's reading of the message adds flags the rules missed; it never removes one.
    const asked = [...ruled, ...modelKindFlags(state.modelDraft, ruled, helpCenterLanguage)];
    const language = message.language ?? state.modelDraft?.language ?? null;
    const drafts = state.drafts.map((d) => d.text);
    // What the bot read (retrieved items) and wrote (drafts) can carry an injection the question did not.
    const planted = injectionFlags({ question: state.question, hits: state.retrieval?.hits ?? [], drafts });
    // A draft asking for a card number, CVV, PIN or password is never sent without a person.
    const flags = [...planted, ...asked, ...answerSafetyFlags(drafts)];
    if (!state.modelDraft || !state.retrieval) return { flags, language, confidence: NO_CONFIDENCE };
    return {
      flags,
      language,
      // A fit a supervisor applied from this deployment's own decisions replaces the shipped one.
      confidence: buildConfidence({
        draft: state.modelDraft,
        retrieval: state.retrieval,
        flags,
        fitted: (await deps.settings()).fittedConfidence ?? undefined,
      }),
    };
  };
};
