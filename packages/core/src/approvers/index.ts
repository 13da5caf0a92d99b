export * from "./approval-link-token";
export * from "./approval-summary";
export * from "./approver-directory";
export * from "./slack-messages";
export * from "./slack-signature";
