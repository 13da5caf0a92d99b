export * from "./channel-deps";
export * from "./channel-admin";
export * from "./channel-intake";
export * from "./channel-outbox";
export * from "./reply-address";
export * from "./new-email-text";
