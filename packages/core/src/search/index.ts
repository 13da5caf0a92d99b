export * from "./conversation-search-service";
