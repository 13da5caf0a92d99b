import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { SavedReply } from "@handoff/contracts";
import type { RestClient } from "../api/rest-client";
import { listSavedReplies } from "../api/saved-replies-api";

interface SavedReplies {
  replies: SavedReply[];
  agentName: string;
  /** Reads the list again (after a change on the saved replies screen). */
  reload(): void;
}

const Context = createContext<SavedReplies>({ replies: [], agentName: "", reload: () => undefined });

/** Loads the team's and the user's own saved replies once for every composer of the console. */
export function SavedRepliesProvider(props: { client: RestClient; agentName: string; children: ReactNode }) {
  const { client, agentName } = props;
  const [replies, setReplies] = useState<SavedReply[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    // Without them the composers still work; the picker just offers nothing.
    listSavedReplies(client).then(
      (list) => current && setReplies(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return <Context.Provider value={{ replies, agentName, reload }}>{props.children}</Context.Provider>;
}

/** The saved replies the composers offer after "/". */
export const useSavedReplies = () => useContext(Context);
