import { postMessage } from "../../conversation/post-message";
import type { GraphDeps } from "../deps";
import type { GraphStateUpdate, GraphStateValue, StateChanges } from "../state";

const DROPPED_AT_END: StateChanges = { retrieval: null, modelDraft: null };

/**
 * Sends the top draft automatically, unless a person has taken the conversation in the meantime.
 * The run ends here, and its checkpoint is only read to tell that it ended: the retrieval and the
 * model's raw draft (about half the state) are not saved with it.
 */
export const sendNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<GraphStateUpdate> => {
    const draft = state.drafts[0];
    const conversation = await deps.store.conversations.get(state.conversationId);
    // The bot never talks over a human: if the chat left the bot's hands, the auto answer is dropped.
    if (!draft || conversation?.status !== "bot") return { outcome: null, ...DROPPED_AT_END };
    await postMessage(deps, {
      conversationId: state.conversationId,
      clientId: `${state.runId}:auto`,
      author: "bot",
      authorName: deps.botName,
      text: draft.text,
      sources: draft.sources,
      internal: false,
    });
    return {
      outcome: { kind: "sent", text: draft.text, by: { type: "system", id: null, name: deps.botName } },
      ...DROPPED_AT_END,
    };
  };
