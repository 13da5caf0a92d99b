import { OfflineModel, OpenAIModel, type DraftModel } from "@handoff/core";
import type { Config } from "./config";

/** The OpenAI-compatible model when a key is configured, the offline retrieval answerer otherwise. */
export function createModel(
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "MODEL_TIMEOUT_MS">,
): DraftModel {
  if (!config.OPENAI_API_KEY) return new OfflineModel();
  return new OpenAIModel({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.MODEL_TIMEOUT_MS,
  });
}
