export * from "./email-settings";
export * from "./email-adapter";
export * from "./email-intake";
export * from "./continue-by-email";
export * from "./reply-address";
export * from "./new-email-text";
