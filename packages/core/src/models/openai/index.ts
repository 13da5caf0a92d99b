// The OpenAI-compatible drafting model; the offline retrieval answerer lives beside it.
export { OpenAIModel } from "./openai-model";
export type { OpenAIModelOptions } from "./openai-model";
export { DraftOutput, DRAFT_TOOL_NAME } from "./draft-output-schema";
export { buildDraftPrompt, neutralizeDelimiters, selectArticles, selectFewShot } from "./build-prompt";
export type { BuildPromptOptions, PromptMessage } from "./build-prompt";
