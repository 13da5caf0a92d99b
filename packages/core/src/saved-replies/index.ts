export * from "./saved-reply-service";
