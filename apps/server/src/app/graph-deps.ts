import {
  HelpCenterLanguage,
  type Clock,
  type DraftModel,
  type GraphDeps,
  type KnowledgeService,
  type Notifier,
  type SettingsService,
  type Store,
} from "@handoff/core";
import type { Config } from "./config";

/** The graph's dependencies, wired the same way on the main thread and in the graph worker. */
export function graphDeps(parts: {
  config: Pick<Config, "MODEL_TIMEOUT_MS" | "BOT_NAME">;
  store: Store;
  model: DraftModel;
  knowledge: KnowledgeService;
  settings: SettingsService;
  notifier: Notifier;
  clock: Clock;
}): GraphDeps {
  const language = new HelpCenterLanguage(parts.store);
  parts.knowledge.onChange(() => language.invalidate());
  return {
    store: parts.store,
    model: parts.model,
    knowledge: parts.knowledge.index,
    notifier: parts.notifier,
    clock: parts.clock,
    settings: () => parts.settings.get(),
    modelTimeoutMs: parts.config.MODEL_TIMEOUT_MS,
    botName: parts.config.BOT_NAME,
    helpCenterLanguage: () => language.get(),
  };
}
