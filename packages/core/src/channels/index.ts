export * from "./accepted";
export * from "./channel-adapter";
export * from "./channel-deps";
export * from "./channel-outbox";
export * from "./conversation-channel";
export * from "./customer-language";
export * from "./email";
export * from "./api";
