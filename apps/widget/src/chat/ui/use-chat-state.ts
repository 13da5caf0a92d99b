import { useEffect, useState } from "preact/hooks";
import type { ChatController } from "../state/chat-controller";
import type { ChatState } from "../state/chat-state";

/** The controller's state as a Preact value that re-renders on every change. */
export function useChatState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
