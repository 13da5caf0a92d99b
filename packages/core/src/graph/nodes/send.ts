import { postMessage } from "../../conversation/post-message";
import type { GraphDeps } from "../deps";
import type { GraphStateValue, StateChanges } from "../state";

/** The clientId of a run's auto answer: sent once however often the run is replayed, and found by it. */
export const autoReplyClientId = (runId: string): string => `${runId}:auto`;

const DROPPED_AT_END: StateChanges = { retrieval: null, modelDraft: null };

/**
 * Sends the top draft when the route is auto, unless a person has taken the conversation in the
 * meantime; any other route leaves the state as it is. It is the last step of the answer node (a
 * node of its own cost LangGraph's runtime a step per auto answer). An auto-answered run ends here
 * and saves no checkpoint (PauseOnlySaver): its stored reply tells that it ended.
 */
export const sendNode =
  (deps: GraphDeps) =>
  async (state: GraphStateValue): Promise<StateChanges> => {
    if (state.chosenRoute !== "auto") return {};
    const draft = state.drafts[0];
    const conversation = await deps.store.conversations.get(state.conversationId);
    // The bot never talks over a human: if the chat left the bot's hands, the auto answer is dropped.
    if (!draft || conversation?.status !== "bot") return { outcome: null, ...DROPPED_AT_END };
    await postMessage(deps, {
      conversationId: state.conversationId,
      clientId: autoReplyClientId(state.runId),
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
