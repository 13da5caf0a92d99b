export * from "./feedback-service";
export * from "./new-correction";
