export * from "./ports";
export * from "./settings";
