export * from "./metrics-service";
