export * from "./store";
export * from "./model";
export * from "./clock";
export * from "./notifier";
export type { BaseCheckpointSaver } from "@langchain/langgraph";
export * from "./logger";
export * from "./api-key-repo";
export * from "./webhook-repo";
export * from "./channel-repo";
