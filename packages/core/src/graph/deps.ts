import type { Settings } from "@handoff/contracts";
import type { KnowledgeIndex } from "../retrieval";
import type { Clock, DraftModel, Notifier, Store } from "../ports";

/** What the graph's nodes need from the outside world, injected once when the graph is built. */
export interface GraphDeps {
  store: Store;
  model: DraftModel;
  knowledge: KnowledgeIndex;
  notifier: Notifier;
  clock: Clock;
  settings: () => Promise<Settings>;
  /** A model slower than this is treated as failed and the message goes to a person. */
  modelTimeoutMs: number;
  /** The language the help center's articles are written in (ISO 639-1), null when unknown. */
  helpCenterLanguage: () => Promise<string | null>;
  botName: string;
}
