export * from "./feedback-service";
