export * from "./feedback-service";
export * from "./new-correction";
export * from "./confidence-refit";
