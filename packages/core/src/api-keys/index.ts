export * from "./api-key-service";
