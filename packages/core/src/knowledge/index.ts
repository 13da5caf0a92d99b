export * from "./knowledge-service";
